package org.xiaodai.iam;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The lending institutions (tenants) the caller's tenant wall shows, by id, code and name: every
 * institution of the region for the regulator and the platform operator, its own for an
 * institution's user. For modules that list or name institutions (supervision's registry).
 */
public interface InstitutionDirectory {

    /** A lending institution as identity and access knows it. */
    record Institution(UUID id, String code, String name, String regionCode, String status) {
    }

    /** The lenders visible to the current transaction, ordered by code. */
    List<Institution> lenders();

    /** One lender, empty when unknown or outside the current tenant wall. */
    Optional<Institution> lender(UUID id);

    /**
     * The platform operator's organisation (visible region-wide only): the home of principals that
     * belong to no institution, such as the borrower portal's borrowers.
     */
    UUID platformId();
}
