package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.Installment;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Schedule;

/** The summary values of README §1.2. */
final class Summary {

    private Summary() {
    }

    /**
     * @param exactInstallment E*, or null when E was given rather than sized
     * @param installment E, or null when not an equal-installment annuity
     */
    record Input(LoanTerms terms, PeriodPlan plan, CurrencyRounding money, List<Installment> installments,
            BigDecimal totalInterest, BigDecimal principal, Rational exactInstallment, BigDecimal installment) {
    }

    static Schedule schedule(Input in) {
        LoanTerms t = in.terms();
        boolean noGrace = t.graceOnPrincipalPeriods() == 0 && t.graceOnInterestPaymentPeriods() == 0;
        boolean annuity = ScheduleEngine.isEqualInstallmentAnnuity(t);
        BigDecimal exact = noGrace ? exactInterest(in, annuity) : null;
        BigDecimal n = BigDecimal.valueOf(t.numberOfRepayments());
        BigDecimal fromRounded = annuity && noGrace && in.installment() != null
                ? in.installment().multiply(n) : null;
        return new Schedule(t, in.installments(), in.totalInterest(), in.principal().add(in.totalInterest()),
                Optional.ofNullable(annuity ? in.installment() : null),
                Optional.ofNullable(exact),
                Optional.ofNullable(exact == null ? null : in.principal().add(exact)),
                Optional.ofNullable(fromRounded == null ? null : fromRounded.subtract(in.principal())),
                Optional.ofNullable(fromRounded));
    }

    private static BigDecimal exactInterest(Input in, boolean annuity) {
        LoanTerms t = in.terms();
        CurrencyRounding money = in.money();
        BigDecimal p = in.principal();
        if (annuity) {
            if (in.exactInstallment() == null) {
                return null;
            }
            return money.round(in.exactInstallment().multiply(t.numberOfRepayments()).subtract(Rational.of(p)));
        }
        if (t.interestMethod() == InterestMethod.DECLINING_BALANCE
                && t.amortization() == Amortization.EQUAL_PRINCIPAL) {
            return money.round(equalPrincipalInterest(p, in.plan().exactRates()));
        }
        return money.roundProduct(in.plan().rateSum(), p);
    }

    /**
     * Σ (P − (i−1)·P/n)·r_i with the unrounded principal P/n, computed exactly as
     * P·Σ(n−i+1)·r_i / n (an exact tie stays a tie).
     */
    private static Rational equalPrincipalInterest(BigDecimal p, Rational[] rates) {
        int n = rates.length;
        Rational weighted = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            weighted = weighted.add(rates[i].multiply(n - i));
        }
        return weighted.multiply(p).divide(n);
    }
}
