package org.xiaodai.supervision.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.REGULATOR;

/**
 * Supervision's permissions. The regulator reads every institution's registry, indicators,
 * complaints and inspections and writes them (supervision data, never lending data: its writable
 * paths are this module's and nothing else); an institution's administrator and risk manager read
 * what concerns their institution and write only its answers (complaint responses, rectification
 * reports); a borrower files and follows its own complaints; the industry association sees region
 * aggregates only.
 */
@Component
public class SupervisionAccess implements AccessContributor {

    public static final String VIEW = "supervision:view";
    public static final String MANAGE = "supervision:manage";
    public static final String OWN_VIEW = "supervision:own:view";
    public static final String REGION_VIEW = "supervision:region:view";
    public static final String COMPLAINT_VIEW = "supervision:complaint:view";
    public static final String COMPLAINT_FILE = "supervision:complaint:file";
    public static final String COMPLAINT_RESPOND = "supervision:complaint:respond";
    public static final String COMPLAINT_RESOLVE = "supervision:complaint:resolve";
    public static final String RECTIFY = "supervision:inspection:rectify";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                PermissionDefinition.of(VIEW, REGULATOR),
                PermissionDefinition.of(MANAGE, REGULATOR),
                PermissionDefinition.of(OWN_VIEW, LENDER),
                PermissionDefinition.of(REGION_VIEW, REGULATOR),
                PermissionDefinition.of(COMPLAINT_VIEW, LENDER, REGULATOR),
                PermissionDefinition.of(COMPLAINT_FILE, LENDER, REGULATOR),
                PermissionDefinition.of(COMPLAINT_RESPOND, LENDER),
                PermissionDefinition.of(COMPLAINT_RESOLVE, LENDER, REGULATOR),
                PermissionDefinition.of(RECTIFY, LENDER));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of(
                "REGULATOR", Set.of(VIEW, MANAGE, REGION_VIEW, COMPLAINT_VIEW, COMPLAINT_FILE, COMPLAINT_RESOLVE),
                "ASSOCIATION", Set.of(REGION_VIEW),
                "INSTITUTION_ADMIN", Set.of(OWN_VIEW, COMPLAINT_VIEW, COMPLAINT_RESPOND, COMPLAINT_RESOLVE, RECTIFY),
                "RISK_MANAGER", Set.of(OWN_VIEW, COMPLAINT_VIEW),
                "BORROWER", Set.of(COMPLAINT_VIEW, COMPLAINT_FILE));
    }

    /** The regulator writes supervision data: the registry, complaints routing and resolution, inspections. */
    @Override
    public List<String> regulatorWritablePaths() {
        return List.of("/api/v1/supervision/**", "/api/v1/complaints/**", "/supervision/**", "/complaints/**");
    }
}
