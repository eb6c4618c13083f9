package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xiaodai.calc.AnnualRate;
import org.xiaodai.calc.Fee;
import org.xiaodai.calc.Installment;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Outcome;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calc.Violation;

/**
 * The annualised rate (年化利率) of a schedule: a period-based IRR of the cash the borrower
 * actually receives and pays, times the schedule's nominal periods per year.
 */
public final class AprEngine {

    private AprEngine() {
    }

    /** @return the annualised rate of the schedule's installments plus the fees */
    public static Outcome<AnnualRate> ofSchedule(Schedule schedule, List<Fee> fees) {
        List<Violation> violations = checkFees(schedule, fees);
        if (!violations.isEmpty()) {
            return Outcome.failure(violations);
        }
        List<BigDecimal> flows = new ArrayList<>(schedule.size() + 1);
        BigDecimal received = schedule.terms().principal();
        for (Fee fee : fees) {
            if (fee.timing() == Fee.Timing.UPFRONT) {
                received = received.subtract(fee.amount());
            }
        }
        flows.add(received.negate());
        for (Installment row : schedule.installments()) {
            BigDecimal paid = row.total();
            for (Fee fee : fees) {
                if (fee.timing() == Fee.Timing.EACH_INSTALLMENT
                        || fee.timing() == Fee.Timing.ON_INSTALLMENT && fee.installment() == row.n()) {
                    paid = paid.add(fee.amount());
                }
            }
            flows.add(paid);
        }
        return ofCashFlows(flows, periodsPerYear(schedule.terms()));
    }

    /** @return the annualised rate of equally spaced flows (c_0 negative: the net amount lent) */
    public static Outcome<AnnualRate> ofCashFlows(List<BigDecimal> flows, BigDecimal periodsPerYear) {
        if (flows.size() < 2 || flows.get(0).signum() >= 0) {
            return Outcome.failure(List.of(new Violation("cashFlows", "shape",
                    "cash flows need a negative amount lent first and at least one payment")));
        }
        if (periodsPerYear == null || periodsPerYear.signum() <= 0) {
            return Outcome.failure(List.of(new Violation("periodsPerYear", "positive",
                    "periodsPerYear must be greater than 0")));
        }
        Optional<BigDecimal> irr = IrrSolver.solve(flows);
        if (irr.isEmpty()) {
            return Outcome.failure(List.of(new Violation("cashFlows", "noRate",
                    "the cash flows have no rate of return between -99.9999 % and 10^8 % a period")));
        }
        BigDecimal r = irr.get();
        BigDecimal apr = r.multiply(periodsPerYear, DayCount.MC);
        BigDecimal effective = DecimalMath.pow(BigDecimal.ONE.add(r), periodsPerYear).subtract(BigDecimal.ONE);
        return Outcome.success(new AnnualRate(r, periodsPerYear, apr, effective));
    }

    /** @return 12/k for months, 52/k for weeks, daysInYear/k for days (ACTUAL = 365) */
    public static BigDecimal periodsPerYear(LoanTerms terms) {
        return BigDecimal.valueOf(PeriodPlan.periodsPerYearUnit(terms))
                .divide(BigDecimal.valueOf(terms.repaymentEvery()), DayCount.MC);
    }

    private static List<Violation> checkFees(Schedule schedule, List<Fee> fees) {
        List<Violation> out = new ArrayList<>();
        BigDecimal upfront = BigDecimal.ZERO;
        for (Fee fee : fees) {
            if (fee.amount().signum() < 0) {
                out.add(new Violation("fees", "min", "a fee must not be negative"));
            }
            if (fee.timing() == Fee.Timing.ON_INSTALLMENT
                    && (fee.installment() < 1 || fee.installment() > schedule.size())) {
                out.add(new Violation("fees", "installment", "a fee's installment must be 1.." + schedule.size()));
            }
            if (fee.timing() == Fee.Timing.UPFRONT) {
                upfront = upfront.add(fee.amount());
            }
        }
        if (upfront.compareTo(schedule.terms().principal()) >= 0) {
            out.add(new Violation("fees", "exceedsPrincipal", "up-front fees must be less than the principal"));
        }
        return out;
    }
}
