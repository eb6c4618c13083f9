/**
 * Pure loan calculation (计算引擎): repayment schedules to the cent as the schedule conformance
 * README specifies (等额本息, 等额本金, interest-only, bullet; declining or flat interest; per-period
 * or daily accrual; broken periods; grace; installment multiples), validation of loan terms as
 * {@link org.xiaodai.calc.Violation}s, the annualised rate (年化利率, IRR-based APR) that contracts
 * must disclose, payoff quotes, partial prepayments and rescheduling for servicing; and the
 * servicing engine ({@link org.xiaodai.calc.ServicingCalculator}): what a loan owes as of a date after
 * its repayments, as the servicing conformance README specifies (penalty and compound interest,
 * grace, allocation, credit balance, days past due, five-level grade).
 *
 * <p>The module is plain Java: records in, records out, no Spring, no I/O and no clock — every
 * date is a parameter. Money is {@link java.math.BigDecimal} rounded only at named points with the
 * loan's rounding mode; rates are never rounded and are carried at 34 significant digits.
 * {@link org.xiaodai.calc.LoanCalculator} and {@link org.xiaodai.calc.ServicingCalculator} are the
 * facades; {@code internal} is not API.
 */
package org.xiaodai.calc;
