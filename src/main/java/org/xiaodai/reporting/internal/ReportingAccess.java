package org.xiaodai.reporting.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.REGULATOR;

/**
 * Reporting's permissions. An institution's administrator, finance and risk manager read returns;
 * the administrator and finance generate and submit them. The regulator reads submitted returns and
 * answers them with receipts (its writable paths are {@code /api/v1/supervision/submissions/**} and
 * the inbox page, already inside supervision's regulator-writable paths, which are listed here too).
 */
@Component
public class ReportingAccess implements AccessContributor {

    public static final String VIEW = "reporting:return:view";
    public static final String GENERATE = "reporting:return:generate";
    public static final String SUBMIT = "reporting:return:submit";
    public static final String INBOX = "reporting:submission:view";
    public static final String RECEIPT = "reporting:submission:receipt";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                PermissionDefinition.of(VIEW, LENDER),
                PermissionDefinition.of(GENERATE, LENDER),
                PermissionDefinition.of(SUBMIT, LENDER),
                PermissionDefinition.of(INBOX, REGULATOR),
                PermissionDefinition.of(RECEIPT, REGULATOR));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of(
                "INSTITUTION_ADMIN", Set.of(VIEW, GENERATE, SUBMIT),
                "FINANCE", Set.of(VIEW, GENERATE, SUBMIT),
                "RISK_MANAGER", Set.of(VIEW),
                "REGULATOR", Set.of(INBOX, RECEIPT));
    }

    @Override
    public List<String> regulatorWritablePaths() {
        return List.of("/api/v1/supervision/submissions/**", "/supervision/submissions/**");
    }
}
