package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.Installment;
import org.xiaodai.calc.InterestAccrual;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Outcome;
import org.xiaodai.calc.PayoffQuote;
import org.xiaodai.calc.PayoffRequest;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calc.Violation;

/** Payoff quotes as {@link PayoffQuote} defines them. */
public final class PayoffEngine {

    private PayoffEngine() {
    }

    /** @return the quote, or violations for a date before disbursement or an impossible paid count */
    public static Outcome<PayoffQuote> quote(PayoffRequest request) {
        Schedule schedule = request.schedule();
        LocalDate date = request.date();
        if (date.isBefore(schedule.terms().disbursementDate())) {
            return fail("date", "beforeDisbursement", "the date must not be before disbursementDate");
        }
        int paid = request.installmentsPaid();
        int due = dueOnOrBefore(schedule, date);
        if (paid < 0 || paid > schedule.size()) {
            return fail("installmentsPaid", "range", "installmentsPaid must be between 0 and " + schedule.size());
        }
        if (paid > due + 1) {
            return fail("installmentsPaid", "aheadOfSchedule",
                    "only the current installment may be paid ahead of its due date");
        }
        return Outcome.success(compute(schedule, date, paid, due));
    }

    /** @return how many installments fall due on or before the date */
    static int dueOnOrBefore(Schedule schedule, LocalDate date) {
        int due = 0;
        while (due < schedule.size() && !schedule.installment(due + 1).dueDate().isAfter(date)) {
            due++;
        }
        return due;
    }

    private static PayoffQuote compute(Schedule schedule, LocalDate date, int paid, int due) {
        CurrencyRounding money = ScheduleEngine.money(schedule.terms());
        BigDecimal duePrincipal = money.zero();
        BigDecimal dueInterest = money.zero();
        for (int i = paid + 1; i <= due; i++) {
            duePrincipal = duePrincipal.add(schedule.installment(i).principal());
            dueInterest = dueInterest.add(schedule.installment(i).interest());
        }
        int settled = Math.max(paid, due);
        BigDecimal deferred = money.zero();
        for (int i = 1; i <= settled; i++) {
            Installment row = schedule.installment(i);
            deferred = deferred.add(row.accruedInterest()).subtract(row.interest());
        }
        BigDecimal outstanding = settled == 0 ? money.round(schedule.terms().principal())
                : schedule.installment(settled).balanceAfter();
        int current = due < schedule.size() ? due + 1 : 0;
        BigDecimal accrued = money.zero();
        long used = 0;
        long length = 0;
        if (current > 0) {
            Installment row = schedule.installment(current);
            used = DayCount.days(row.periodStart(), date);
            length = DayCount.days(row.periodStart(), row.dueDate());
            if (paid < current) {
                accrued = currentInterest(schedule, current, date, money);
            }
        }
        BigDecimal total = duePrincipal.add(dueInterest).add(outstanding).add(deferred).add(accrued);
        return new PayoffQuote(date, current, duePrincipal, dueInterest, outstanding, deferred, accrued,
                used, length, total);
    }

    /**
     * Interest for the days used of period c, as {@link PayoffQuote} defines it: the exact
     * rational amount rounded once, like every row of the schedule (README §4, §7). A rate cut to
     * a finite precision first would round twice (3.00 × 0.46/12 = 0.115 would become 0.11499…).
     */
    private static BigDecimal currentInterest(Schedule schedule, int c, LocalDate date, CurrencyRounding money) {
        LoanTerms terms = schedule.terms();
        Installment row = schedule.installment(c);
        long used = DayCount.days(row.periodStart(), date);
        long length = DayCount.days(row.periodStart(), row.dueDate());
        if (terms.interestMethod() == InterestMethod.FLAT) {
            return money.round(Rational.of(row.interest()).multiply(Rational.of(used, length)));
        }
        Rational[] rates = PeriodPlan.of(terms).exactRates();
        Rational partialRate = partialRate(terms, rates[c - 1], row, date);
        if (terms.amortization() == Amortization.BULLET) {
            Rational sum = partialRate;
            for (int i = 0; i < c - 1; i++) {
                sum = sum.add(rates[i]);
            }
            return money.roundProduct(sum, money.round(terms.principal()));
        }
        BigDecimal balance = c == 1 ? money.round(terms.principal()) : schedule.installment(c - 1).balanceAfter();
        return money.roundProduct(partialRate, balance);
    }

    /** The exact rate from the start of the period to the date under the loan's accrual convention. */
    static Rational partialRate(LoanTerms terms, Rational periodRate, Installment row, LocalDate date) {
        if (terms.interestAccrual() == InterestAccrual.DAILY) {
            return DayCount.exactDailyRate(PeriodPlan.annualRate(terms), row.periodStart(), date,
                    PeriodPlan.convention(terms));
        }
        long used = DayCount.days(row.periodStart(), date);
        long length = DayCount.days(row.periodStart(), row.dueDate());
        return periodRate.multiply(Rational.of(used, length));
    }

    static <T> Outcome<T> fail(String field, String rule, String message) {
        return Outcome.failure(List.of(new Violation(field, rule, message)));
    }
}
