package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import org.xiaodai.calc.LoanTerms;

/**
 * README §3.4: Fineract's one-step correction of the equal installment
 * ({@code ProgressiveEMICalculator.checkAndAdjustEmiIfNeededOnRelatedRepaymentPeriods}).
 * Applied once, never iterated.
 */
final class EmiAdjuster {

    /** Fineract's literal factor; it equals 10^d only for two-digit currencies. */
    private static final BigDecimal FACTOR = BigDecimal.valueOf(100);

    private EmiAdjuster() {
    }

    static ScheduleEngine.Sized adjust(LoanTerms terms, PeriodPlan plan, CurrencyRounding money, BigDecimal installment,
            Rows rows) {
        ScheduleEngine.Sized kept = new ScheduleEngine.Sized(null, installment, rows);
        int amortizing = terms.numberOfRepayments() - terms.graceOnPrincipalPeriods();
        int half = amortizing / 2;
        BigDecimal diff = rows.lastTotal().subtract(installment);
        if (diff.signum() == 0 || half == 0) {
            return kept;
        }
        if (diff.abs().multiply(FACTOR).compareTo(BigDecimal.valueOf(half)) <= 0) {
            return kept;
        }
        BigDecimal adjustment = money.divideRounded(diff, amortizing);
        BigDecimal candidate = money.roundToMultiple(installment.add(adjustment));
        if (candidate.compareTo(installment) == 0) {
            return kept;
        }
        Rows candidateRows = RowBuilder.declining(terms, plan, money, candidate, null);
        BigDecimal candidateDiff = candidateRows.lastTotal().subtract(candidate);
        if (candidateDiff.abs().compareTo(diff.abs()) < 0) {
            return new ScheduleEngine.Sized(null, candidate, candidateRows);
        }
        return kept;
    }
}
