package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import org.xiaodai.calc.RepaymentAllocation;

/**
 * The allocation order of a payment (servicing README §6): penalty, then interest and principal of
 * installments past due, then interest and principal of the installment due that day, each bucket
 * oldest first; what is left becomes credit. A payment never reaches an installment not yet due.
 */
final class Allocator {

    private final List<InstallmentAccount> accounts;
    private final BiFunction<InstallmentAccount, LocalDate, BigDecimal> penaltyCharged;
    private final BigDecimal zero;
    private final int graceDays;

    Allocator(List<InstallmentAccount> accounts, BiFunction<InstallmentAccount, LocalDate, BigDecimal> penaltyCharged,
              BigDecimal zero, int graceDays) {
        this.accounts = accounts;
        this.penaltyCharged = penaltyCharged;
        this.zero = zero;
        this.graceDays = graceDays;
    }

    /** README §7: any penalty outstanding, or anything unpaid of an installment due on or before the day. */
    boolean anythingDue(LocalDate day) {
        for (InstallmentAccount account : accounts) {
            if (account.due().isAfter(day)) {
                return false;
            }
            if (account.isOpen() || !account.penaltyClosed && penaltyOutstanding(account, day).signum() > 0) {
                return true;
            }
        }
        return false;
    }

    RepaymentAllocation allocate(LocalDate day, BigDecimal amount) {
        BigDecimal left = amount;
        BigDecimal penalty = zero;
        for (InstallmentAccount account : accounts) {
            if (!account.due().isBefore(day) || left.signum() == 0) {
                break;
            }
            if (account.penaltyClosed) {
                continue;
            }
            BigDecimal outstanding = penaltyOutstanding(account, day);
            BigDecimal take = left.min(outstanding);
            account.paidPenalty = account.paidPenalty.add(take);
            closeIfFinal(account, day, outstanding.subtract(take));
            penalty = penalty.add(take);
            left = left.subtract(take);
        }
        BigDecimal interest = zero;
        BigDecimal principal = zero;
        List<InstallmentAccount> due = dueBy(day);
        for (boolean pastDue : new boolean[] {true, false}) {
            for (InstallmentAccount account : due) {
                if (left.signum() == 0) {
                    break;
                }
                if (account.isOpen() && (pastDue ? account.due().isBefore(day) : account.due().equals(day))) {
                    BigDecimal take = account.payInterest(left, day);
                    interest = interest.add(take);
                    left = left.subtract(take);
                }
            }
            for (InstallmentAccount account : due) {
                if (left.signum() == 0) {
                    break;
                }
                if (account.isOpen() && (pastDue ? account.due().isBefore(day) : account.due().equals(day))) {
                    BigDecimal take = account.payPrincipal(left, day);
                    principal = principal.add(take);
                    left = left.subtract(take);
                }
            }
        }
        return new RepaymentAllocation(day, penalty, interest, principal, left);
    }

    /**
     * Once an installment is fully paid and past its grace window, its penalty can no longer grow:
     * when that penalty is paid too, the account is skipped from then on.
     */
    private void closeIfFinal(InstallmentAccount account, LocalDate day, BigDecimal stillOwed) {
        if (!account.isOpen() && stillOwed.signum() == 0 && day.isAfter(account.due().plusDays(graceDays))) {
            account.penaltyClosed = true;
        }
    }

    /** The installments due on or before the day (the accounts are in due-date order). */
    private List<InstallmentAccount> dueBy(LocalDate day) {
        int n = 0;
        while (n < accounts.size() && !accounts.get(n).due().isAfter(day)) {
            n++;
        }
        return accounts.subList(0, n);
    }

    private BigDecimal penaltyOutstanding(InstallmentAccount account, LocalDate day) {
        return penaltyCharged.apply(account, day).subtract(account.paidPenalty);
    }
}
