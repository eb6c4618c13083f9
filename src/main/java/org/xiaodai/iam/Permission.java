package org.xiaodai.iam;

import java.util.Arrays;
import java.util.List;

/**
 * The catalogue of fine-grained permissions. A permission's {@link #code()} (e.g.
 * {@code loan:approve:l2}) is what roles store and what security rules check; modules added later
 * extend this catalogue rather than inventing strings.
 */
public enum Permission {
    INSTITUTION_MANAGE("iam:institution:manage"),
    BRANCH_MANAGE("iam:branch:manage"),
    USER_VIEW("iam:user:view"),
    USER_MANAGE("iam:user:manage"),
    ROLE_MANAGE("iam:role:manage"),
    ROLE_GRANT("iam:role:grant"),
    CHANGE_APPROVE("iam:change:approve"),
    TOKEN_MANAGE("iam:token:manage"),
    AUDIT_VIEW("audit:view"),
    CUSTOMER_VIEW("customer:view"),
    CUSTOMER_MANAGE("customer:manage"),
    CUSTOMER_PII_VIEW("customer:pii:view"),
    PRODUCT_MANAGE("product:manage"),
    APPLICATION_CREATE("application:create"),
    APPLICATION_INVESTIGATE("application:investigate"),
    LOAN_APPROVE_L1("loan:approve:l1"),
    LOAN_APPROVE_L2("loan:approve:l2"),
    LOAN_APPROVE_COMMITTEE("loan:approve:committee"),
    LOAN_VIEW("loan:view"),
    LOAN_DISBURSE("loan:disburse"),
    REPAYMENT_RECORD("repayment:record"),
    LEDGER_VIEW("ledger:view"),
    LEDGER_POST("ledger:post"),
    COLLECTION_WORK("collection:work"),
    RISK_MANAGE("risk:manage"),
    CLASSIFICATION_REVIEW("classification:review"),
    REPORT_SUBMIT("report:submit"),
    SUPERVISION_VIEW("supervision:view"),
    SUPERVISION_MANAGE("supervision:manage"),
    STATISTICS_VIEW("statistics:view"),
    PORTAL_SELF("portal:self");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    /** The stored and checked name, e.g. {@code customer:pii:view}. */
    public String code() {
        return code;
    }

    public static List<String> allCodes() {
        return Arrays.stream(values()).map(Permission::code).toList();
    }

    public static boolean isKnown(String code) {
        return Arrays.stream(values()).anyMatch(p -> p.code.equals(code));
    }
}
