package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.xiaodai.calc.Installment;
import org.xiaodai.servicing.domain.Earned;

/**
 * New schedule versions that keep history: every row due on or before the date stays as it was
 * (so every earlier repayment allocates exactly as before), the current period is cut at the date
 * with the interest of the days used (the interest the ledger has accrued), and what was not yet
 * due either falls due on the date (payoff) or continues on new rows (prepayment, restructuring).
 */
final class ScheduleChanges {

    private ScheduleChanges() {
    }

    /** The rows due on or before {@code date}, then the current period cut at {@code date} carrying {@code principalNow}. */
    static List<Installment> cutAt(List<Installment> rows, LocalDate date, BigDecimal principalNow, int digits,
                                   RoundingMode mode) {
        List<Installment> kept = new ArrayList<>();
        BigDecimal notYetDue = BigDecimal.ZERO;
        Installment current = null;
        for (Installment row : rows) {
            if (!row.dueDate().isAfter(date)) {
                kept.add(row);
            } else {
                notYetDue = notYetDue.add(row.principal());
                if (current == null) {
                    current = row;
                }
            }
        }
        if (current == null) {
            return kept;
        }
        BigDecimal interest = Earned.of(current.interest(), current.periodStart(), current.dueDate(), date, digits, mode);
        if (!current.periodStart().isBefore(date)) {
            // the current period starts today: what falls due now joins the row due today
            Installment last = kept.removeLast();
            kept.add(new Installment(last.n(), last.periodStart(), last.dueDate(), last.periodRate(), last.accruedInterest(),
                    last.principal().add(principalNow), last.interest(), last.total().add(principalNow),
                    last.balanceAfter().subtract(principalNow)));
            return kept;
        }
        BigDecimal before = current.balanceAfter().add(current.principal());
        kept.add(new Installment(current.n(), current.periodStart(), date, BigDecimal.ZERO, interest, principalNow, interest,
                principalNow.add(interest), before.subtract(principalNow)));
        return kept;
    }

    /** Principal of the rows not yet due on {@code date}. */
    static BigDecimal notYetDue(List<Installment> rows, LocalDate date) {
        return rows.stream().filter(r -> r.dueDate().isAfter(date)).map(Installment::principal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** {@code head} followed by {@code tail} renumbered after it. */
    static List<Installment> append(List<Installment> head, List<Installment> tail) {
        List<Installment> all = new ArrayList<>(head);
        int n = head.isEmpty() ? 0 : head.getLast().n();
        for (Installment r : tail) {
            n++;
            all.add(new Installment(n, r.periodStart(), r.dueDate(), r.periodRate(), r.accruedInterest(), r.principal(),
                    r.interest(), r.total(), r.balanceAfter()));
        }
        return all;
    }
}
