package org.xiaodai.servicing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.xiaodai.calc.Installment;

/**
 * Interest earned by the start of a day under a schedule (what the ledger has accrued): every
 * installment due on or before the day in full, and the current one prorated by days over its own
 * period, round(q × (x − s) / (t − s)) — the servicing README's {@code accruedInterest}. End of day
 * posts the difference from one day to the next; the SQL function {@code servicing_earned} is the
 * same rule row by row.
 */
public final class Earned {

    private Earned() {
    }

    public static BigDecimal by(List<Installment> rows, LocalDate x, int digits, RoundingMode mode) {
        BigDecimal total = BigDecimal.ZERO.setScale(digits);
        for (Installment row : rows) {
            total = total.add(of(row.interest(), row.periodStart(), row.dueDate(), x, digits, mode));
        }
        return total;
    }

    public static BigDecimal of(BigDecimal interest, LocalDate start, LocalDate due, LocalDate x, int digits,
                                RoundingMode mode) {
        if (!x.isBefore(due)) {
            return interest.setScale(digits, mode);
        }
        if (!x.isAfter(start)) {
            return BigDecimal.ZERO.setScale(digits);
        }
        long used = ChronoUnit.DAYS.between(start, x);
        long period = ChronoUnit.DAYS.between(start, due);
        return interest.multiply(BigDecimal.valueOf(used)).divide(BigDecimal.valueOf(period), digits, mode);
    }
}
