package org.xiaodai.calc;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a borrower owes on a date to repay the loan in full (提前结清). Definition:
 * <ul>
 *   <li>every installment due on or before the date and not paid, in full;</li>
 *   <li>the principal not yet due: the balance at the start of the current period;</li>
 *   <li>interest deferred by interest-payment grace and not yet due;</li>
 *   <li>interest for the days of the current period actually used: with DAILY accrual
 *       round(B·A·yf(s_c, date)) under the loan's day count; with PER_PERIOD
 *       round(B·r_c·days(s_c, date)/days(s_c, t_c)); for FLAT interest the current installment's
 *       interest pro rata by days; for BULLET the simple interest round(P·(Σ r_i of completed
 *       periods + the current partial rate)).</li>
 * </ul>
 * All amounts have the currency's decimals. No fees or penalties are included.
 *
 * @param date the payoff date
 * @param currentInstallment c, the installment whose period contains the date (s_c ≤ date &lt;
 *     t_c), or 0 after maturity
 * @param unpaidDuePrincipal principal of unpaid installments due on or before the date
 * @param unpaidDueInterest interest of those installments
 * @param outstandingPrincipal principal not yet due
 * @param deferredInterest interest accrued in grace and not yet due
 * @param accruedInterest interest for the days used of the current period (0 if it is paid)
 * @param daysUsed days(s_c, date), 0 after maturity
 * @param daysInPeriod days(s_c, t_c), 0 after maturity
 * @param total the sum of the five amounts
 */
public record PayoffQuote(
        LocalDate date,
        int currentInstallment,
        BigDecimal unpaidDuePrincipal,
        BigDecimal unpaidDueInterest,
        BigDecimal outstandingPrincipal,
        BigDecimal deferredInterest,
        BigDecimal accruedInterest,
        long daysUsed,
        long daysInPeriod,
        BigDecimal total) {

    /** @return all principal still owed (unpaid due + not yet due) */
    public BigDecimal principalOwed() {
        return unpaidDuePrincipal.add(outstandingPrincipal);
    }

    /** @return all interest owed on the date */
    public BigDecimal interestOwed() {
        return unpaidDueInterest.add(deferredInterest).add(accruedInterest);
    }
}
