package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import org.xiaodai.calc.InstallmentBasis;
import org.xiaodai.calc.LoanTerms;

/** The unrounded equal installment E* of README §3.1 and §3.2. */
public final class InstallmentSizer {

    private static final MathContext MC = DayCount.MC;

    private InstallmentSizer() {
    }

    /**
     * @param terms valid terms (declining balance, equal installments)
     * @param plan the periods of the terms
     * @param principal the balance to amortize over the n − g_p amortizing periods
     * @return E*, unrounded
     */
    public static BigDecimal unrounded(LoanTerms terms, PeriodPlan plan, BigDecimal principal) {
        int grace = terms.graceOnPrincipalPeriods();
        if (terms.installmentBasis() == InstallmentBasis.ACTUAL_PERIOD_FACTORS) {
            return actualPeriodFactors(plan.rates(), grace, principal);
        }
        return annuity(plan.nominalRate(), plan.size() - grace, principal);
    }

    /** E* = P·q/(1 − (1+q)^−n), or P/n when q = 0. */
    static BigDecimal annuity(BigDecimal q, int n, BigDecimal principal) {
        if (q.signum() == 0) {
            return principal.divide(BigDecimal.valueOf(n), MC);
        }
        BigDecimal growth = BigDecimal.ONE.add(q).pow(n, MC);
        // P·q/(1 − g^−n) = P·q·g^n/(g^n − 1)
        return principal.multiply(q).multiply(growth).divide(growth.subtract(BigDecimal.ONE), MC);
    }

    /** f ← 1 + f·(1+ρ_j) for j = 2..n_a; E* = P·Π(1+ρ_j)/f. */
    static BigDecimal actualPeriodFactors(BigDecimal[] rates, int grace, BigDecimal principal) {
        BigDecimal product = BigDecimal.ONE;
        BigDecimal f = BigDecimal.ONE;
        for (int j = grace; j < rates.length; j++) {
            BigDecimal factor = BigDecimal.ONE.add(rates[j]);
            product = product.multiply(factor, MC);
            if (j > grace) {
                f = BigDecimal.ONE.add(f.multiply(factor, MC));
            }
        }
        return principal.multiply(product).divide(f, MC);
    }
}
