package org.xiaodai.servicing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.xiaodai.calc.InstallmentPosition;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.servicing.AccountRole;
import org.xiaodai.servicing.LedgerPosting;

/**
 * A loan's sub-ledger (分户账) balances: what the general ledger holds for it. Interest receivable
 * is {@code interestEarned - interestPaid}, penalty receivable {@code penaltyCharged - penaltyPaid}.
 * Between two snapshots the money received is fixed by an identity (cash = principal repaid +
 * interest paid + penalty paid + credit held), so the voucher of any change, {@link #linesTo},
 * always balances.
 *
 * @param principal      principal outstanding
 * @param interestEarned interest earned under the schedule by the start of the day (accrued + due)
 * @param interestPaid   interest paid so far
 * @param penaltyCharged penalty charged so far (rounded per installment, README §3)
 * @param penaltyPaid    penalty paid so far
 * @param credit         credit balance (溢缴款)
 */
public record Balances(BigDecimal principal, BigDecimal interestEarned, BigDecimal interestPaid,
                       BigDecimal penaltyCharged, BigDecimal penaltyPaid, BigDecimal credit) {

    public static final Balances ZERO = new Balances(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /** The balances of an engine position, with the interest earned by its date. */
    public static Balances of(LoanPosition p, BigDecimal interestEarned) {
        BigDecimal interestPaid = BigDecimal.ZERO;
        BigDecimal charged = BigDecimal.ZERO;
        BigDecimal penaltyPaid = BigDecimal.ZERO;
        for (InstallmentPosition i : p.installments()) {
            interestPaid = interestPaid.add(i.paidInterest());
            charged = charged.add(i.penaltyCharged());
            penaltyPaid = penaltyPaid.add(i.paidPenalty());
        }
        return new Balances(p.principalOutstanding(), interestEarned, interestPaid, charged, penaltyPaid, p.credit());
    }

    public BigDecimal interestReceivable() {
        return interestEarned.subtract(interestPaid);
    }

    public BigDecimal penaltyReceivable() {
        return penaltyCharged.subtract(penaltyPaid);
    }

    public Balances withInterestEarned(BigDecimal earned) {
        return new Balances(principal, earned, interestPaid, penaltyCharged, penaltyPaid, credit);
    }

    /**
     * The money received (positive) or paid out (negative) between this snapshot and {@code next}
     * under a fixed disbursed principal.
     */
    public BigDecimal cashTo(Balances next) {
        return principal.subtract(next.principal)
                .add(next.interestPaid.subtract(interestPaid))
                .add(next.penaltyPaid.subtract(penaltyPaid))
                .add(next.credit.subtract(credit));
    }

    /**
     * The voucher lines that take the general ledger from this snapshot to {@code next} when
     * {@code cash} came in through the bank (negative: went out). Balanced exactly when
     * {@code cash} is what the identity says (see {@link #cashTo}).
     */
    public List<LedgerPosting.Line> linesTo(Balances next, BigDecimal cash) {
        List<LedgerPosting.Line> lines = new ArrayList<>();
        add(lines, AccountRole.BANK, cash);
        add(lines, AccountRole.LOAN_PRINCIPAL, next.principal.subtract(principal));
        add(lines, AccountRole.INTEREST_RECEIVABLE, next.interestReceivable().subtract(interestReceivable()));
        add(lines, AccountRole.PENALTY_RECEIVABLE, next.penaltyReceivable().subtract(penaltyReceivable()));
        add(lines, AccountRole.CREDIT_BALANCE, next.credit.subtract(credit));
        add(lines, AccountRole.INTEREST_INCOME, next.interestEarned.subtract(interestEarned));
        add(lines, AccountRole.PENALTY_INCOME, next.penaltyCharged.subtract(penaltyCharged));
        return lines;
    }

    /** Adds the change of a balance on its normal side: an increase of an asset is a debit, of a liability or income a credit. */
    public static void add(List<LedgerPosting.Line> lines, AccountRole role, BigDecimal increase) {
        if (increase.signum() == 0) {
            return;
        }
        boolean debit = role.debitNormal() == (increase.signum() > 0);
        lines.add(new LedgerPosting.Line(role, debit, increase.abs()));
    }
}
