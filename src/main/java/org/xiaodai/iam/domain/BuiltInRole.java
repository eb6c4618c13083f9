package org.xiaodai.iam.domain;

import java.util.Arrays;
import java.util.Optional;

import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.ScopeLevel;

/**
 * The roles of DOMAIN.md §1, seeded as built-in roles: the kind of organisation whose users may
 * hold each, and the data scope a user made for it gets by default. What each role may do is
 * contributed by the modules (their {@code AccessContributor#roleGrants()}), so a new module adds
 * its permissions to these roles without editing this list.
 */
public enum BuiltInRole {
    PLATFORM_ADMIN(OrganisationKind.PLATFORM, ScopeLevel.ALL),
    INSTITUTION_ADMIN(OrganisationKind.LENDER, ScopeLevel.INSTITUTION),
    LOAN_OFFICER(OrganisationKind.LENDER, ScopeLevel.OWN),
    REVIEWER(OrganisationKind.LENDER, ScopeLevel.BRANCH),
    APPROVER(OrganisationKind.LENDER, ScopeLevel.INSTITUTION),
    FINANCE(OrganisationKind.LENDER, ScopeLevel.INSTITUTION),
    COLLECTOR(OrganisationKind.LENDER, ScopeLevel.OWN),
    RISK_MANAGER(OrganisationKind.LENDER, ScopeLevel.INSTITUTION),
    REGULATOR(OrganisationKind.REGULATOR, ScopeLevel.REGION),
    ASSOCIATION(OrganisationKind.REGULATOR, ScopeLevel.REGION),
    BORROWER(OrganisationKind.LENDER, ScopeLevel.OWN);

    private final OrganisationKind organisationKind;
    private final ScopeLevel defaultScope;

    BuiltInRole(OrganisationKind organisationKind, ScopeLevel defaultScope) {
        this.organisationKind = organisationKind;
        this.defaultScope = defaultScope;
    }

    /** The kind of organisation whose users may hold this role. */
    public OrganisationKind organisationKind() {
        return organisationKind;
    }

    /** The data scope a user created for this role gets unless an admin chooses otherwise. */
    public ScopeLevel defaultScope() {
        return defaultScope;
    }

    public static Optional<BuiltInRole> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
