package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.xiaodai.calc.InterestAccrual;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.RepaymentFrequency;

/**
 * Due dates, period starts and exact period rates of README §2 for valid terms. Index 0 is
 * period 1. The arrays are shared, not copied: callers must not modify them.
 */
public final class PeriodPlan {

    private final LocalDate[] starts;
    private final LocalDate[] dueDates;
    private final BigDecimal[] rates;
    private final BigDecimal nominalRate;
    private final Rational[] exactRates;
    private final Rational exactNominalRate;

    private PeriodPlan(LocalDate[] starts, LocalDate[] dueDates, Rational[] exactRates, Rational exactNominalRate) {
        this.starts = starts;
        this.dueDates = dueDates;
        this.exactRates = exactRates;
        this.exactNominalRate = exactNominalRate;
        this.rates = new BigDecimal[exactRates.length];
        this.nominalRate = exactNominalRate.toBigDecimal(DayCount.MC);
        for (int i = 0; i < exactRates.length; i++) {
            // most periods share one rate object (q): convert it once, not once per period
            rates[i] = exactRates[i] == exactNominalRate ? nominalRate
                    : i > 0 && exactRates[i] == exactRates[i - 1] ? rates[i - 1]
                    : exactRates[i].toBigDecimal(DayCount.MC);
        }
    }

    /** @return s_i */
    LocalDate[] starts() {
        return starts;
    }

    /** @return t_i */
    LocalDate[] dueDates() {
        return dueDates;
    }

    /** @return r_i to {@link DayCount#MC} (for display); amounts use {@link #exactRates()} */
    BigDecimal[] rates() {
        return rates;
    }

    /** @return r_i, exact */
    Rational[] exactRates() {
        return exactRates;
    }

    /** @return q = A·k/PPY, exact */
    Rational exactNominalRate() {
        return exactNominalRate;
    }

    /** @return q = A·k/PPY */
    BigDecimal nominalRate() {
        return nominalRate;
    }

    /** @return the plan of the given (validated) terms */
    public static PeriodPlan of(LoanTerms terms) {
        int n = terms.numberOfRepayments();
        BigDecimal annual = annualRate(terms);
        Rational q = Rational.of(annual).multiply(terms.repaymentEvery()).divide(periodsPerYearUnit(terms));
        LocalDate[] starts = new LocalDate[n];
        LocalDate[] due = new LocalDate[n];
        Rational[] rates = new Rational[n];
        LocalDate f = terms.firstRepaymentDate();
        DayCount.Convention convention = convention(terms);
        boolean daily = terms.interestAccrual() == InterestAccrual.DAILY;
        for (int i = 0; i < n; i++) {
            due[i] = shift(terms, f, i);
            starts[i] = i == 0 ? terms.disbursementDate() : due[i - 1];
            if (daily) {
                rates[i] = DayCount.exactDailyRate(annual, starts[i], due[i], convention);
            } else {
                rates[i] = i == 0 ? firstPeriodRate(terms, annual, q) : q;
            }
        }
        return new PeriodPlan(starts, due, rates, q);
    }

    /** @return A = annualInterestRatePercent / 100 */
    public static BigDecimal annualRate(LoanTerms terms) {
        return terms.annualInterestRatePercent().movePointLeft(2);
    }

    /** @return the day-count convention of the terms */
    public static DayCount.Convention convention(LoanTerms terms) {
        return new DayCount.Convention(terms.daysInYear(), terms.daysInMonth(), terms.repaymentFrequency());
    }

    /** @return PPY of README §2.2: 12, 52 or the numeric days in year (ACTUAL = 365) */
    public static int periodsPerYearUnit(LoanTerms terms) {
        return switch (terms.repaymentFrequency()) {
            case MONTHS -> 12;
            case WEEKS -> 52;
            case DAYS -> terms.daysInYear().nominalDays();
        };
    }

    /** @return q = A·k/PPY, unrounded */
    public static BigDecimal nominalRate(LoanTerms terms, BigDecimal annual) {
        return annual.multiply(BigDecimal.valueOf(terms.repaymentEvery()))
                .divide(BigDecimal.valueOf(periodsPerYearUnit(terms)), DayCount.MC);
    }

    /** r_1 = q·days(D0, F)/days(N, F): the broken-period rule of README §2.3. */
    private static Rational firstPeriodRate(LoanTerms terms, BigDecimal annual, Rational q) {
        LocalDate f = terms.firstRepaymentDate();
        long actual = DayCount.days(terms.disbursementDate(), f);
        long nominal = DayCount.days(shift(terms, f, -1), f);
        if (actual == nominal) {
            return q;
        }
        return q.multiply(Rational.of(actual, nominal));
    }

    /** shift(x, c) of README §2.1: c·k units of U; months clamp to the month's last day. */
    public static LocalDate shift(LoanTerms terms, LocalDate x, long c) {
        long units = c * terms.repaymentEvery();
        RepaymentFrequency u = terms.repaymentFrequency();
        return switch (u) {
            case DAYS -> x.plusDays(units);
            case WEEKS -> x.plusDays(7 * units);
            case MONTHS -> x.plusMonths(units);
        };
    }

    /** @return n, the number of periods */
    public int size() {
        return dueDates.length;
    }

    /** @return Σ r_i over all periods, exact: P·Σr_i is then rounded once */
    public Rational rateSum() {
        Rational sum = Rational.ZERO;
        for (Rational r : exactRates) {
            sum = sum.add(r);
        }
        return sum;
    }
}
