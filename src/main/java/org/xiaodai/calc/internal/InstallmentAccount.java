package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.xiaodai.calc.Installment;
import org.xiaodai.calc.InstallmentPosition;

/**
 * The running account of one installment while {@link ServicingEngine} replays a loan: what is
 * unpaid and paid, and the exact penalty base Σ (unpaid amount × days) accrued so far, so that
 * the penalty is the base × the daily penalty rate, rounded once (servicing README §3).
 */
final class InstallmentAccount {

    final Installment row;
    BigDecimal unpaidPrincipal;
    BigDecimal unpaidInterest;
    BigDecimal paidPenalty;
    /** Σ (U_p + [compound]·U_q) × days over every day accrued, exact. */
    BigDecimal penaltyBase;
    /** The day principal and interest became fully paid, or null while something is unpaid. */
    LocalDate settledOn;

    InstallmentAccount(Installment row, LocalDate disbursement, BigDecimal zero) {
        this.row = row;
        this.unpaidPrincipal = row.principal();
        this.unpaidInterest = row.interest();
        this.paidPenalty = zero;
        this.penaltyBase = BigDecimal.ZERO;
        this.settledOn = row.principal().signum() == 0 && row.interest().signum() == 0 ? disbursement : null;
    }

    LocalDate due() {
        return row.dueDate();
    }

    boolean isOpen() {
        return settledOn == null;
    }

    /** Adds {@code days} days of penalty accrual on what is unpaid now. */
    void accrue(long days, boolean compound) {
        BigDecimal base = compound ? unpaidPrincipal.add(unpaidInterest) : unpaidPrincipal;
        if (days > 0 && base.signum() > 0) {
            penaltyBase = penaltyBase.add(base.multiply(BigDecimal.valueOf(days)));
        }
    }

    /** Pays up to {@code available} of the interest; @return what was taken. */
    BigDecimal payInterest(BigDecimal available, LocalDate date) {
        BigDecimal take = available.min(unpaidInterest);
        unpaidInterest = unpaidInterest.subtract(take);
        settleIfPaid(date);
        return take;
    }

    /** Pays up to {@code available} of the principal; @return what was taken. */
    BigDecimal payPrincipal(BigDecimal available, LocalDate date) {
        BigDecimal take = available.min(unpaidPrincipal);
        unpaidPrincipal = unpaidPrincipal.subtract(take);
        settleIfPaid(date);
        return take;
    }

    private void settleIfPaid(LocalDate date) {
        if (settledOn == null && unpaidPrincipal.signum() == 0 && unpaidInterest.signum() == 0) {
            settledOn = date;
        }
    }

    InstallmentPosition position(BigDecimal penaltyCharged) {
        return new InstallmentPosition(row.n(), row.dueDate(), row.principal(), row.interest(),
                row.principal().subtract(unpaidPrincipal), row.interest().subtract(unpaidInterest), paidPenalty,
                penaltyCharged);
    }
}
