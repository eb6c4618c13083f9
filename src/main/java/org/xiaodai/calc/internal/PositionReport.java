package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.xiaodai.calc.FiveLevelGrade;
import org.xiaodai.calc.GradeTable;
import org.xiaodai.calc.Installment;
import org.xiaodai.calc.InstallmentPosition;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.calc.LoanStatus;
import org.xiaodai.calc.RepaymentAllocation;

/** Reads the servicing README §4 figures off the installment accounts once the replay reached the as-of date. */
final class PositionReport {

    private final List<InstallmentAccount> accounts;
    private final BiFunction<InstallmentAccount, LocalDate, BigDecimal> penaltyCharged;
    private final CurrencyRounding money;
    private final GradeTable table;

    PositionReport(List<InstallmentAccount> accounts, BiFunction<InstallmentAccount, LocalDate, BigDecimal> penaltyCharged,
                   CurrencyRounding money, GradeTable table) {
        this.accounts = accounts;
        this.penaltyCharged = penaltyCharged;
        this.money = money;
        this.table = table;
    }

    LoanPosition as(LocalDate asOf, BigDecimal credit, List<RepaymentAllocation> allocations) {
        List<InstallmentPosition> rows = new ArrayList<>();
        BigDecimal principal = money.zero();
        BigDecimal overduePrincipal = money.zero();
        BigDecimal overdueInterest = money.zero();
        BigDecimal penalty = money.zero();
        boolean owesInterest = false;
        long daysPastDue = 0;
        for (InstallmentAccount account : accounts) {
            InstallmentPosition row = account.position(penaltyCharged.apply(account, asOf));
            rows.add(row);
            principal = principal.add(account.unpaidPrincipal);
            penalty = penalty.add(row.penaltyOutstanding());
            owesInterest |= account.unpaidInterest.signum() > 0;
            if (account.due().isBefore(asOf)) {
                overduePrincipal = overduePrincipal.add(account.unpaidPrincipal);
                overdueInterest = overdueInterest.add(account.unpaidInterest);
                if (account.isOpen() && daysPastDue == 0) {
                    daysPastDue = DayCount.days(account.due(), asOf);
                }
            }
        }
        boolean paidOff = principal.signum() == 0 && !owesInterest && penalty.signum() == 0;
        LoanStatus status = paidOff ? LoanStatus.PAID_OFF : daysPastDue > 0 ? LoanStatus.OVERDUE : LoanStatus.ACTIVE;
        FiveLevelGrade grade = table.grade(daysPastDue);
        return new LoanPosition(asOf, status, daysPastDue, grade, principal, overduePrincipal, overdueInterest, penalty,
                accruedInterest(asOf), credit, allocations, rows);
    }

    /** README §4: the current installment's due interest prorated over its own period by calendar days. */
    private BigDecimal accruedInterest(LocalDate asOf) {
        for (InstallmentAccount account : accounts) {
            Installment row = account.row;
            if (row.periodStart().isBefore(asOf) && asOf.isBefore(row.dueDate())) {
                return money.round(Rational.of(row.interest()).multiply(
                        Rational.of(DayCount.days(row.periodStart(), asOf), DayCount.days(row.periodStart(), row.dueDate()))));
            }
        }
        return money.zero();
    }
}
