package org.xiaodai.calculator;

import org.xiaodai.calc.Schedule;

/**
 * A schedule with its annualised rates, as percent strings with two decimals.
 *
 * @param schedule             the computed schedule
 * @param annualPercentageRate 年化利率: IRR of the cash flows × periods per year, e.g. {@code "10.00"}
 * @param effectiveAnnualRate  the compounded equivalent, e.g. {@code "10.47"}
 */
public record ScheduleQuote(Schedule schedule, String annualPercentageRate, String effectiveAnnualRate) {
}
