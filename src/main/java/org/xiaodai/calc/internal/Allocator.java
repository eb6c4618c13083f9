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

    Allocator(List<InstallmentAccount> accounts, BiFunction<InstallmentAccount, LocalDate, BigDecimal> penaltyCharged,
              BigDecimal zero) {
        this.accounts = accounts;
        this.penaltyCharged = penaltyCharged;
        this.zero = zero;
    }

    /** README §7: any penalty outstanding, or anything unpaid of an installment due on or before the day. */
    boolean anythingDue(LocalDate day) {
        for (InstallmentAccount account : accounts) {
            if (account.due().isAfter(day)) {
                return false;
            }
            if (account.isOpen() || penaltyOutstanding(account, day).signum() > 0) {
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
            BigDecimal take = left.min(penaltyOutstanding(account, day));
            account.paidPenalty = account.paidPenalty.add(take);
            penalty = penalty.add(take);
            left = left.subtract(take);
        }
        BigDecimal interest = zero;
        BigDecimal principal = zero;
        for (boolean pastDue : new boolean[] {true, false}) {
            for (InstallmentAccount account : accounts) {
                if (pastDue ? !account.due().isBefore(day) : !account.due().equals(day)) {
                    continue;
                }
                BigDecimal take = account.payInterest(left, day);
                interest = interest.add(take);
                left = left.subtract(take);
            }
            for (InstallmentAccount account : accounts) {
                if (pastDue ? !account.due().isBefore(day) : !account.due().equals(day)) {
                    continue;
                }
                BigDecimal take = account.payPrincipal(left, day);
                principal = principal.add(take);
                left = left.subtract(take);
            }
        }
        return new RepaymentAllocation(day, penalty, interest, principal, left);
    }

    private BigDecimal penaltyOutstanding(InstallmentAccount account, LocalDate day) {
        return penaltyCharged.apply(account, day).subtract(account.paidPenalty);
    }
}
