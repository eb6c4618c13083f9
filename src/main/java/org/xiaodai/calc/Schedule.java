package org.xiaodai.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A computed repayment schedule with the summary values of README §1.2. Amounts have exactly
 * {@code terms.currencyDigits()} decimals. Invariants: the principals sum to the principal, the
 * last balance is zero, balances never rise.
 *
 * @param terms the terms the schedule was computed from
 * @param installments rows 1..n in order, never empty
 * @param totalInterest Σ interest over all rows
 * @param totalRepayment Σ total over all rows (principal + totalInterest)
 * @param installmentAmount E, the rounded equal installment after any {@code emiAdjustment};
 *     present for {@link Amortization#EQUAL_INSTALLMENTS} with
 *     {@link InterestMethod#DECLINING_BALANCE} only
 * @param totalInterestExact interest with no intermediate rounding, rounded once; present when
 *     there is no grace (README §1.2; for FLAT, BULLET and INTEREST_ONLY_THEN_BULLET it is
 *     round(P·Σr_i))
 * @param totalRepaymentExact principal + totalInterestExact, present with it
 * @param totalInterestFromRoundedInstallment n·E − P, present for equal installments on a
 *     declining balance without grace
 * @param totalRepaymentFromRoundedInstallment n·E, present with the previous one
 */
public record Schedule(
        LoanTerms terms,
        List<Installment> installments,
        BigDecimal totalInterest,
        BigDecimal totalRepayment,
        Optional<BigDecimal> installmentAmount,
        Optional<BigDecimal> totalInterestExact,
        Optional<BigDecimal> totalRepaymentExact,
        Optional<BigDecimal> totalInterestFromRoundedInstallment,
        Optional<BigDecimal> totalRepaymentFromRoundedInstallment) {

    public Schedule {
        installments = List.copyOf(installments);
    }

    /**
     * @param n installment number, 1..size
     * @return row n
     */
    public Installment installment(int n) {
        return installments.get(n - 1);
    }

    /** @return the number of rows */
    public int size() {
        return installments.size();
    }
}
