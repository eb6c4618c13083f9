package org.xiaodai.product;

import java.math.BigDecimal;

/**
 * How a product's loans are serviced after the schedule: exactly the {@code policy} object of the
 * servicing conformance README §1 (names and values), kept as data until the servicing engine
 * reads it.
 *
 * @param penaltyRateMultiplier M: penalty annual rate (罚息) = contract rate × M
 * @param penaltyDaysInYear Y_p: daily penalty rate = rate × M / Y_p (PBOC: 360)
 * @param graceDays g: days after a due date within which full payment forgives the penalty (宽限期)
 * @param compoundOverdueInterest whether unpaid interest bears penalty interest too (复利)
 * @param classification the DPD thresholds of the five-level grade
 */
public record ServicingPolicy(BigDecimal penaltyRateMultiplier, int penaltyDaysInYear, int graceDays,
                              boolean compoundOverdueInterest, ClassificationTable classification) {
}
