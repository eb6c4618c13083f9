package org.xiaodai.portal.internal;

import java.io.Serializable;
import java.util.UUID;

import org.xiaodai.shared.Actor;

/**
 * A signed-in borrower: a principal of its own kind, not a staff {@code CurrentUser}, so no staff
 * endpoint or page accepts it. Its home organisation is the platform, whose tenant wall holds no
 * lending data: a transaction the portal does not put inside one of the borrower's institutions
 * explicitly sees nothing.
 *
 * @param borrowerId   the borrower
 * @param displayName  the name they registered with
 * @param mobileMasked their mobile, masked
 * @param homeId       the platform organisation
 */
public record BorrowerPrincipal(UUID borrowerId, String displayName, String mobileMasked, UUID homeId)
        implements Actor, Serializable {

    /** The authority every portal endpoint asks for ({@code hasRole('BORROWER')}); no staff role carries it. */
    public static final String AUTHORITY = "ROLE_BORROWER";

    @Override
    public UUID actorId() {
        return borrowerId;
    }

    @Override
    public String actorName() {
        return "borrower:" + mobileMasked;
    }

    @Override
    public UUID actorOrganisationId() {
        return homeId;
    }

    @Override
    public boolean seesAllInstitutions() {
        return false;
    }
}
