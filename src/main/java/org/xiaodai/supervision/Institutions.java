package org.xiaodai.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules need from the institution registry. Reads go through the tenant wall: an
 * institution's own work (origination) reads its own entry; region-wide work reads any.
 */
public interface Institutions {

    /** The registry entry in effect on {@code date}, empty when the institution has none yet. */
    Optional<Licence> licence(UUID institutionId, LocalDate date);

    /**
     * Whether the institution may originate a loan today (its business date): false when its licence
     * is suspended or revoked, and when it has no registry entry at all.
     */
    boolean mayOriginate(UUID institutionId);

    /**
     * Prior-year-end net assets in effect on {@code date} (上年末净资产), the base of the 10 % (one
     * borrower) and 15 % (with related parties) exposure limits; empty without a registry entry.
     */
    Optional<BigDecimal> netAssets(UUID institutionId, LocalDate date);

    /**
     * Whether lending to a borrower in {@code regionCode} for {@code scope} lies inside the licence in
     * effect on {@code date} (licensed region and business scope); false without a registry entry.
     */
    boolean licensedFor(UUID institutionId, String regionCode, BusinessScope scope, LocalDate date);
}
