package org.xiaodai.calc;

import java.math.BigDecimal;
import java.util.List;
import org.xiaodai.calc.internal.AprEngine;
import org.xiaodai.calc.internal.PayoffEngine;
import org.xiaodai.calc.internal.PrepaymentEngine;
import org.xiaodai.calc.internal.ScheduleEngine;
import org.xiaodai.calc.internal.TermsValidator;

/**
 * The facade of the calculation module: repayment schedules (README of the schedule conformance
 * vectors), validation, the annualised rate (年化利率), payoff quotes, prepayments and
 * rescheduling. Stateless and thread-safe; every method is a pure function of its arguments.
 */
public final class LoanCalculator {

    /** The largest {@code numberOfRepayments} accepted. */
    public static final int MAX_REPAYMENTS = TermsValidator.MAX_REPAYMENTS;

    /**
     * Lists every reason the terms cannot be computed: missing fields, out-of-range values and
     * every combination the schedule README leaves outside its spec. Some problems (a row whose
     * principal would be negative) show only while computing; {@link #schedule} reports those.
     *
     * @param terms the terms; may be null
     * @return the violations, empty if the terms pass
     */
    public List<Violation> validate(LoanTerms terms) {
        return TermsValidator.validate(terms);
    }

    /**
     * Computes the repayment schedule of README §2–§6 with its summary values.
     *
     * @param terms the terms; may be invalid
     * @return the schedule, or the violations of {@link #validate} and of the row check of §4
     */
    public Outcome<Schedule> schedule(LoanTerms terms) {
        List<Violation> violations = validate(terms);
        if (!violations.isEmpty()) {
            return Outcome.failure(violations);
        }
        return ScheduleEngine.compute(terms, ScheduleEngine.Sizing.standard());
    }

    /**
     * The annualised rate (年化利率, DOMAIN.md §3) of a schedule: the IRR of the cash the borrower
     * actually has (principal minus up-front fees, at period 0) against every installment plus
     * its fees (at periods 1..n), times the schedule's nominal periods per year.
     *
     * <p>The IRR is period-based: installment i is taken to fall exactly i nominal periods after
     * disbursement, so a broken first period or daily accrual changes the amounts but not the
     * timing. This is the "IRR with n periods a year" of the disclosure rule; an XIRR on actual
     * dates would differ slightly for irregular periods.
     *
     * @param schedule a computed schedule
     * @param fees fees counted in the rate; may be empty
     * @return the rate, or violations (negative fee, fee on a missing installment, up-front fees
     *     ≥ principal, flows without a rate)
     */
    public Outcome<AnnualRate> annualRate(Schedule schedule, List<Fee> fees) {
        return AprEngine.ofSchedule(schedule, fees);
    }

    /**
     * The annualised rate of equally spaced cash flows.
     *
     * @param flows c_0..c_n, one per period: c_0 the net amount lent (negative), then what the
     *     borrower pays (positive)
     * @param periodsPerYear periods in a year, &gt; 0 (may be fractional)
     * @return the rate, or violations
     */
    public Outcome<AnnualRate> annualRate(List<BigDecimal> flows, BigDecimal periodsPerYear) {
        return AprEngine.ofCashFlows(flows, periodsPerYear);
    }

    /**
     * What repays the loan in full on a date; see {@link PayoffQuote} for the definition.
     *
     * @param request schedule, date and installments paid; must not be null
     * @return the quote, or violations ({@code date/beforeDisbursement},
     *     {@code installmentsPaid/range}, {@code installmentsPaid/aheadOfSchedule})
     */
    public Outcome<PayoffQuote> payoff(PayoffRequest request) {
        return PayoffEngine.quote(request);
    }

    /**
     * Applies a partial prepayment and recomputes the remaining loan. Month-end anchors: the new
     * schedule counts its due dates from the current due date, so a loan anchored on the 31st
     * whose current due date fell on a shorter month continues on that shorter day.
     *
     * @param request the prepayment; must not be null
     * @return the new position, or violations (those of {@link #payoff} plus
     *     {@code interestMethod/prepaymentUnsupported}, {@code strategy/unsupportedCombination},
     *     {@code date/afterMaturity}, {@code installmentsPaid/notCurrent},
     *     {@code amount/currencyScale}, {@code amount/belowAccruedInterest},
     *     {@code amount/coversPayoff}, and row violations of the new schedule)
     */
    public Outcome<PrepaymentResult> prepay(PrepaymentRequest request) {
        return PrepaymentEngine.prepay(request);
    }

    /**
     * Moves the principal owed on a date (and, if asked, the interest owed) onto new terms,
     * disbursed on that date.
     *
     * @param request the rescheduling; must not be null
     * @return the new schedule, or violations (those of {@link #payoff},
     *     {@code installmentsPaid/nothingOutstanding}, and any of {@link #validate} for the new terms)
     */
    public Outcome<RescheduleResult> reschedule(RescheduleRequest request) {
        return PrepaymentEngine.reschedule(request);
    }
}
