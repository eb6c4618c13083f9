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
    /** Σ (U_p + [compound]·U_q) × days over every day before {@link #accruedUntil}, exact. */
    BigDecimal penaltyBase;
    /** The first day not yet in {@link #penaltyBase}: accrual is brought up to date lazily, when asked. */
    private LocalDate accruedUntil;
    /** The day principal and interest became fully paid, or null while something is unpaid. */
    LocalDate settledOn;
    /** Set once nothing more can be charged or paid to the penalty: settled, and its penalty paid in full. */
    boolean penaltyClosed;
    private final boolean compound;

    InstallmentAccount(Installment row, LocalDate disbursement, BigDecimal zero, boolean compound) {
        this.row = row;
        this.unpaidPrincipal = row.principal();
        this.unpaidInterest = row.interest();
        this.paidPenalty = zero;
        this.penaltyBase = BigDecimal.ZERO;
        this.accruedUntil = row.dueDate();
        this.compound = compound;
        this.settledOn = row.principal().signum() == 0 && row.interest().signum() == 0 ? disbursement : null;
    }

    LocalDate due() {
        return row.dueDate();
    }

    boolean isOpen() {
        return settledOn == null;
    }

    /**
     * Accrues every day from the last one accrued to the day before {@code day} on what is unpaid now
     * (README §3: the end of each day x ≥ t_i). Called before what is unpaid changes and before the
     * penalty is read, so the amount accrued each day is what was unpaid at its end.
     */
    void accrueUntil(LocalDate day) {
        if (!day.isAfter(accruedUntil)) {
            return;
        }
        BigDecimal base = compound ? unpaidPrincipal.add(unpaidInterest) : unpaidPrincipal;
        if (base.signum() > 0) {
            penaltyBase = penaltyBase.add(base.multiply(BigDecimal.valueOf(DayCount.days(accruedUntil, day))));
        }
        accruedUntil = day;
    }

    /** Pays up to {@code available} of the interest; @return what was taken. */
    BigDecimal payInterest(BigDecimal available, LocalDate date) {
        accrueUntil(date);
        BigDecimal take = available.min(unpaidInterest);
        unpaidInterest = unpaidInterest.subtract(take);
        settleIfPaid(date);
        return take;
    }

    /** Pays up to {@code available} of the principal; @return what was taken. */
    BigDecimal payPrincipal(BigDecimal available, LocalDate date) {
        accrueUntil(date);
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
