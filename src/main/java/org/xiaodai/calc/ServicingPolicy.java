package org.xiaodai.calc;

import java.math.BigDecimal;

/**
 * How a loan is charged when it falls behind (servicing README §1 {@code policy}): penalty interest
 * (罚息), compound interest (复利), grace days (宽限期) and the grade table (五级分类). Accepts any
 * values so that {@link ServicingCalculator#validate} can report them as violations.
 *
 * @param penaltyRateMultiplier M ≥ 0: the penalty annual rate is the contract rate × M
 * @param penaltyDaysInYear Y_p ≥ 1: the daily penalty rate is contract rate × M / Y_p
 * @param graceDays g, 0..{@link #MAX_GRACE_DAYS}: an installment fully paid within g days after its
 *     due date is charged no penalty (days past due still count from the due date)
 * @param compoundOverdueInterest whether unpaid interest bears penalty interest too
 * @param classification the days-past-due thresholds of the grade
 */
public record ServicingPolicy(BigDecimal penaltyRateMultiplier, int penaltyDaysInYear, int graceDays,
                              boolean compoundOverdueInterest, GradeTable classification) {

    /** The largest grace accepted: a year. */
    public static final int MAX_GRACE_DAYS = 366;

    /** @return the market convention: contract rate × 1.5 over 360 days, no grace, no compounding, default table */
    public static ServicingPolicy standard() {
        return new ServicingPolicy(new BigDecimal("1.5"), 360, 0, false, GradeTable.DPD_DEFAULT);
    }
}
