package org.xiaodai.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The annualised rate of a loan's cash flows: the IRR per period, the nominal annual rate
 * (年化利率 as PBOC 公告〔2021〕第3号 requires: IRR × periods per year) and the effective annual
 * rate (1 + IRR)^periodsPerYear − 1. All values are fractions (0.1 = 10 %), unrounded at 34
 * significant digits.
 *
 * @param periodicRate the IRR of one period
 * @param periodsPerYear the nominal periods per year of the schedule (12/k for months, 52/k
 *     for weeks, daysInYear/k for days — fractional for e.g. 15-day periods)
 * @param annualPercentageRate periodicRate × periodsPerYear
 * @param effectiveAnnualRate (1 + periodicRate)^periodsPerYear − 1
 */
public record AnnualRate(BigDecimal periodicRate, BigDecimal periodsPerYear, BigDecimal annualPercentageRate,
        BigDecimal effectiveAnnualRate) {

    /** @return the APR in percent rounded HALF_UP to the given decimals, for disclosure */
    public BigDecimal aprPercent(int decimals) {
        return annualPercentageRate.movePointRight(2).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** @return the effective annual rate in percent rounded HALF_UP to the given decimals */
    public BigDecimal effectivePercent(int decimals) {
        return effectiveAnnualRate.movePointRight(2).setScale(decimals, RoundingMode.HALF_UP);
    }
}
