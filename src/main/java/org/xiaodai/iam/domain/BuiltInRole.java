package org.xiaodai.iam.domain;

import java.util.List;

import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.Permission;
import org.xiaodai.iam.ScopeLevel;

import static org.xiaodai.iam.Permission.*;

/**
 * The roles of DOMAIN.md §1, seeded as built-in roles every organisation can grant. Institutions
 * may add custom roles with any subset of {@link Permission}.
 */
public enum BuiltInRole {
    PLATFORM_ADMIN(OrganisationKind.PLATFORM, ScopeLevel.ALL, List.of(INSTITUTION_MANAGE, BRANCH_MANAGE,
            USER_VIEW, USER_MANAGE, ROLE_MANAGE, ROLE_GRANT, CHANGE_APPROVE, TOKEN_MANAGE, AUDIT_VIEW)),
    INSTITUTION_ADMIN(OrganisationKind.LENDER, ScopeLevel.INSTITUTION, List.of(BRANCH_MANAGE, USER_VIEW,
            USER_MANAGE, ROLE_MANAGE, ROLE_GRANT, CHANGE_APPROVE, TOKEN_MANAGE, AUDIT_VIEW, PRODUCT_MANAGE)),
    LOAN_OFFICER(OrganisationKind.LENDER, ScopeLevel.OWN, List.of(CUSTOMER_VIEW, CUSTOMER_MANAGE,
            APPLICATION_CREATE, APPLICATION_INVESTIGATE, LOAN_VIEW)),
    REVIEWER(OrganisationKind.LENDER, ScopeLevel.BRANCH, List.of(CUSTOMER_VIEW, LOAN_VIEW, LOAN_APPROVE_L1)),
    APPROVER(OrganisationKind.LENDER, ScopeLevel.INSTITUTION, List.of(CUSTOMER_VIEW, LOAN_VIEW,
            LOAN_APPROVE_L1, LOAN_APPROVE_L2, LOAN_APPROVE_COMMITTEE, CHANGE_APPROVE)),
    FINANCE(OrganisationKind.LENDER, ScopeLevel.INSTITUTION, List.of(LOAN_VIEW, LOAN_DISBURSE,
            REPAYMENT_RECORD, LEDGER_VIEW, LEDGER_POST)),
    COLLECTOR(OrganisationKind.LENDER, ScopeLevel.OWN, List.of(CUSTOMER_VIEW, LOAN_VIEW, COLLECTION_WORK)),
    RISK_MANAGER(OrganisationKind.LENDER, ScopeLevel.INSTITUTION, List.of(CUSTOMER_VIEW, LOAN_VIEW,
            RISK_MANAGE, CLASSIFICATION_REVIEW, REPORT_SUBMIT, STATISTICS_VIEW)),
    REGULATOR(OrganisationKind.REGULATOR, ScopeLevel.REGION, List.of(SUPERVISION_VIEW, SUPERVISION_MANAGE,
            STATISTICS_VIEW, LOAN_VIEW, CUSTOMER_VIEW, AUDIT_VIEW, USER_VIEW)),
    ASSOCIATION(OrganisationKind.REGULATOR, ScopeLevel.REGION, List.of(STATISTICS_VIEW)),
    BORROWER(OrganisationKind.LENDER, ScopeLevel.OWN, List.of(PORTAL_SELF));

    private final OrganisationKind organisationKind;
    private final ScopeLevel defaultScope;
    private final List<Permission> permissions;

    BuiltInRole(OrganisationKind organisationKind, ScopeLevel defaultScope, List<Permission> permissions) {
        this.organisationKind = organisationKind;
        this.defaultScope = defaultScope;
        this.permissions = permissions;
    }

    /** The kind of organisation whose users may hold this role. */
    public OrganisationKind organisationKind() {
        return organisationKind;
    }

    /** The data scope a user created for this role gets unless an admin chooses otherwise. */
    public ScopeLevel defaultScope() {
        return defaultScope;
    }

    public List<Permission> permissions() {
        return permissions;
    }
}
