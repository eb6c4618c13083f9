package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import org.xiaodai.calc.InstallmentBasis;
import org.xiaodai.calc.LoanTerms;

/**
 * The unrounded equal installment E* of README §3.1 and §3.2, exact: every rate is rational and
 * only integer powers occur, so E* is rational and §3.3 rounds it once from its exact value.
 */
public final class InstallmentSizer {

    private InstallmentSizer() {
    }

    /**
     * @param terms valid terms (declining balance, equal installments)
     * @param plan the periods of the terms
     * @param principal the balance to amortize over the n − g_p amortizing periods
     * @return E*, exact
     */
    public static Rational unrounded(LoanTerms terms, PeriodPlan plan, BigDecimal principal) {
        int grace = terms.graceOnPrincipalPeriods();
        if (terms.installmentBasis() == InstallmentBasis.ACTUAL_PERIOD_FACTORS) {
            return actualPeriodFactors(plan.exactRates(), grace, principal);
        }
        return annuity(plan.exactNominalRate(), plan.size() - grace, principal);
    }

    /** E* = P·q/(1 − (1+q)^−n), or P/n when q = 0. */
    static Rational annuity(Rational q, int n, BigDecimal principal) {
        if (q.signum() == 0) {
            return Rational.of(principal).divide(n);
        }
        Rational growth = Rational.ONE.add(q).pow(n);
        // P·q/(1 − g^−n) = P·q·g^n/(g^n − 1)
        return q.multiply(growth).multiply(principal).divide(growth.subtract(Rational.ONE));
    }

    /** f ← 1 + f·(1+ρ_j) for j = 2..n_a; E* = P·Π(1+ρ_j)/f. */
    static Rational actualPeriodFactors(Rational[] rates, int grace, BigDecimal principal) {
        Rational product = Rational.ONE;
        Rational f = Rational.ONE;
        for (int j = grace; j < rates.length; j++) {
            Rational factor = Rational.ONE.add(rates[j]);
            product = product.multiply(factor);
            if (j > grace) {
                f = Rational.ONE.add(f.multiply(factor));
            }
        }
        return product.multiply(principal).divide(f);
    }
}
