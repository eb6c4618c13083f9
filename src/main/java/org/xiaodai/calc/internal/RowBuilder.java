package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.LoanTerms;

/** Builds the rows of README §4 (declining balance and bullet) and §5 (flat). */
final class RowBuilder {

    private RowBuilder() {
    }

    /**
     * Declining balance, README §4.
     *
     * @param installment E for equal installments, otherwise ignored
     * @param periodPrincipal p for equal principal, otherwise ignored
     */
    static Rows declining(LoanTerms t, PeriodPlan plan, CurrencyRounding money, BigDecimal installment,
            BigDecimal periodPrincipal) {
        int n = plan.size();
        int interestGrace = t.graceOnInterestPaymentPeriods();
        Rational[] rates = plan.exactRates();
        BigDecimal zero = money.zero();
        Rows rows = new Rows(n);
        BigDecimal balance = money.round(t.principal());
        BigDecimal pool = zero;
        for (int i = 0; i < n; i++) {
            BigDecimal accrued = money.roundProduct(rates[i], balance);
            rows.accrued[i] = accrued;
            if (i < interestGrace) {
                rows.interest[i] = zero;
                pool = pool.add(accrued);
            } else {
                rows.interest[i] = accrued.add(pool);
                pool = zero;
            }
            BigDecimal principal = decliningPrincipal(t, i, balance, accrued, installment, periodPrincipal);
            rows.principal[i] = principal;
            balance = balance.subtract(principal);
            rows.balance[i] = balance;
        }
        return rows;
    }

    /** README §4 step 3 for row i (0-based): grace, last-period remainder, or the amortization's rule. */
    private static BigDecimal decliningPrincipal(LoanTerms t, int i, BigDecimal balance, BigDecimal accrued,
            BigDecimal installment, BigDecimal periodPrincipal) {
        if (i < t.graceOnPrincipalPeriods()) {
            return BigDecimal.ZERO.setScale(balance.scale());
        }
        if (i == t.numberOfRepayments() - 1) {
            return balance;
        }
        Amortization amortization = t.amortization();
        if (amortization == Amortization.EQUAL_INSTALLMENTS) {
            return installment.subtract(accrued);
        }
        if (amortization == Amortization.EQUAL_PRINCIPAL) {
            return periodPrincipal;
        }
        return BigDecimal.ZERO.setScale(balance.scale());
    }

    /** Bullet, README §4: all principal and round(P·Σr_i) in the last row. */
    static Rows bullet(LoanTerms t, PeriodPlan plan, CurrencyRounding money) {
        int n = plan.size();
        Rows rows = new Rows(n);
        BigDecimal principal = money.round(t.principal());
        BigDecimal zero = money.zero();
        for (int i = 0; i < n - 1; i++) {
            rows.principal[i] = zero;
            rows.interest[i] = zero;
            rows.accrued[i] = zero;
            rows.balance[i] = principal;
        }
        BigDecimal interest = money.roundProduct(plan.rateSum(), principal);
        rows.principal[n - 1] = principal;
        rows.interest[n - 1] = interest;
        rows.accrued[n - 1] = interest;
        rows.balance[n - 1] = zero;
        return rows;
    }

    /** Flat interest with equal installments, README §5. */
    static Rows flat(LoanTerms t, PeriodPlan plan, CurrencyRounding money) {
        int n = plan.size();
        int grace = t.graceOnPrincipalPeriods();
        BigDecimal balance = money.round(t.principal());
        BigDecimal totalInterest = money.roundProduct(plan.rateSum(), balance);
        BigDecimal perPeriod = money.divideRounded(totalInterest, n);
        BigDecimal last = totalInterest.subtract(perPeriod.multiply(BigDecimal.valueOf(n - 1)));
        BigDecimal p = money.divideRounded(balance, n - grace);
        Rows rows = new Rows(n);
        for (int i = 0; i < n; i++) {
            BigDecimal interest = i == n - 1 ? last : perPeriod;
            BigDecimal principal;
            if (i < grace) {
                principal = money.zero();
            } else if (i == n - 1) {
                principal = balance;
            } else if (money.multipleIsUnit()) {
                principal = p;
            } else {
                principal = money.roundToMultiple(p).add(money.roundToMultiple(interest)).subtract(interest);
            }
            rows.interest[i] = interest;
            rows.accrued[i] = interest;
            rows.principal[i] = principal;
            balance = balance.subtract(principal);
            rows.balance[i] = balance;
        }
        return rows;
    }
}
