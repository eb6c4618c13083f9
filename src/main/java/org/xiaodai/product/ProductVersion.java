package org.xiaodai.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One stored, immutable version of a product: what a loan made under it keeps for its life.
 *
 * @param productId the product
 * @param institutionId the institution owning it
 * @param version 1, 2, … (editing makes the next)
 * @param currentVersion the product's newest version when this was read
 * @param definition what it offers
 * @param lowestAnnualRatePercent the lowest annualised rate (年化利率, APR with fees) it can reach, two decimals
 * @param highestAnnualRatePercent the highest, two decimals: what the rate benchmark is checked against
 * @param lprDate the publication date of the 1-year LPR in force on {@code definition.effectiveFrom}
 * @param lprPercent that LPR
 * @param rateCapPercent the benchmark: the configured multiple of that LPR
 * @param rateCapExceeded true when the highest rate is above the benchmark (saved flagged, not refused)
 * @param createdAt when it was saved
 */
public record ProductVersion(UUID productId, UUID institutionId, int version, int currentVersion,
                             ProductDefinition definition, BigDecimal lowestAnnualRatePercent,
                             BigDecimal highestAnnualRatePercent, LocalDate lprDate, BigDecimal lprPercent,
                             BigDecimal rateCapPercent, boolean rateCapExceeded, Instant createdAt) {
}
