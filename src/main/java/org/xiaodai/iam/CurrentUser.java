package org.xiaodai.iam;

import java.util.Set;
import java.util.UUID;

import org.xiaodai.shared.Actor;

/**
 * The authenticated caller as every module sees it.
 *
 * @param userId           the user
 * @param username         login name
 * @param displayName      name shown on screens
 * @param organisationId   the platform, regulator or institution the user belongs to
 * @param organisationKind what that organisation is
 * @param scope            what the user may read
 * @param permissions      permission codes granted through roles
 * @param passwordChangeRequired the user must set a new password before doing anything else
 * @param securityVersion  the user's security version when this principal was made; a session whose
 *                         principal is older than the stored one has ended
 */
public record CurrentUser(UUID userId, String username, String displayName, UUID organisationId,
                          OrganisationKind organisationKind, DataScope scope, Set<String> permissions,
                          boolean passwordChangeRequired, int securityVersion)
        implements java.io.Serializable, Actor {

    /**
     * A borrower acting for themselves through the borrower portal inside one institution where they
     * are a customer: the institution as data scope and no permission. Only for the facades other
     * modules offer the portal, which have already narrowed every read and write to the borrower's
     * own customer record; it never serves a staff request.
     */
    public static CurrentUser borrowerChannel(UUID institutionId, UUID borrowerId, String name) {
        return borrowerChannel(institutionId, borrowerId, null, name);
    }

    /**
     * As {@link #borrowerChannel(UUID, UUID, String)}, acting in the branch that serves the customer
     * ({@code branchPath}) and for the officer who owns the customer ({@code ownerId}), so what the
     * borrower starts (an application) lands in that officer's and branch's work.
     */
    public static CurrentUser borrowerChannel(UUID institutionId, UUID ownerId, String branchPath, String name) {
        return new CurrentUser(ownerId, "portal:" + ownerId, name, institutionId, OrganisationKind.LENDER,
                new DataScope(ScopeLevel.INSTITUTION, institutionId, branchPath, ownerId), Set.of(), false, 0);
    }

    @Override
    public UUID actorId() {
        return userId;
    }

    @Override
    public String actorName() {
        return username;
    }

    @Override
    public UUID actorOrganisationId() {
        return organisationId;
    }

    /**
     * Region-wide only for the platform operator and the regulator: an institution's user never
     * gets past its institution's tenant wall, whatever scope an old row may still carry.
     */
    @Override
    public boolean seesAllInstitutions() {
        return organisationKind != OrganisationKind.LENDER && scope.spansRegion();
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission.code());
    }

    public boolean isRegulator() {
        return organisationKind == OrganisationKind.REGULATOR;
    }

    public boolean isPlatform() {
        return organisationKind == OrganisationKind.PLATFORM;
    }
}
