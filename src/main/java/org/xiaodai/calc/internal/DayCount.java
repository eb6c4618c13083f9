package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.xiaodai.calc.DaysInMonth;
import org.xiaodai.calc.DaysInYear;
import org.xiaodai.calc.RepaymentFrequency;

/**
 * Daily-accrual rates A·yf(a, b) of README §2.2, as exact rationals: amounts derived from them are
 * rounded once (README §7). {@link #MC} (34 significant digits) is the precision of what cannot
 * stay exact — displayed rates, the IRR.
 */
public final class DayCount {

    /** The working precision of displayed rates and iterative solutions; never of an amount's rate. */
    public static final MathContext MC = MathContext.DECIMAL128;

    private DayCount() {
    }

    /** @return days(a, b) = b − a in calendar days */
    public static long days(LocalDate a, LocalDate b) {
        return ChronoUnit.DAYS.between(a, b);
    }

    /**
     * The exact rational rate A·yf(a, b) for daily accrual (README §2.2), for rounding products
     * exactly once (README §7).
     */
    public static Rational exactDailyRate(BigDecimal annualRate, LocalDate a, LocalDate b, Convention convention) {
        if (annualRate.signum() == 0 || !a.isBefore(b)) {
            return Rational.ZERO;
        }
        Rational annual = Rational.of(annualRate);
        DaysInYear y = convention.daysInYear();
        if (convention.uses30DayMonths()) {
            long m = wholeMonths(a, b);
            LocalDate anchor = a.plusMonths(m);
            long e = days(anchor, b);
            long length = days(anchor, a.plusMonths(m + 1));
            return annual.multiply(Rational.of(30 * (m * length + e), length * y.nominalDays()));
        }
        if (y == DaysInYear.ACTUAL) {
            Rational sum = Rational.ZERO;
            LocalDate start = a;
            while (start.isBefore(b)) {
                LocalDate nextYear = LocalDate.of(start.getYear() + 1, 1, 1);
                LocalDate end = nextYear.isBefore(b) ? nextYear : b;
                sum = sum.add(Rational.of(days(start, end), start.lengthOfYear()));
                start = end;
            }
            return annual.multiply(sum);
        }
        return annual.multiply(Rational.of(days(a, b), y.nominalDays()));
    }

    /** The largest m ≥ 0 with addMonths(a, m) ≤ b, where addMonths is always counted from a. */
    static long wholeMonths(LocalDate a, LocalDate b) {
        long m = Math.max(0, ChronoUnit.MONTHS.between(a, b) - 1);
        while (!a.plusMonths(m + 1).isAfter(b)) {
            m++;
        }
        return m;
    }

    /**
     * The day-count fields that decide a daily rate.
     *
     * @param daysInYear Y
     * @param daysInMonth the month convention
     * @param frequency U; 30-day months apply only to monthly periods
     */
    public record Convention(DaysInYear daysInYear, DaysInMonth daysInMonth, RepaymentFrequency frequency) {

        /** @return true if dc30 applies (README §2.2) */
        public boolean uses30DayMonths() {
            return daysInMonth == DaysInMonth.DAYS_30 && frequency == RepaymentFrequency.MONTHS;
        }
    }
}
