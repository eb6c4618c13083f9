package org.xiaodai.calc;

import java.time.LocalDate;
import java.util.List;
import org.xiaodai.calc.internal.ServicingEngine;
import org.xiaodai.calc.internal.ServicingValidator;

/**
 * The servicing engine (贷后核算): what a loan owes as of a date after its repayments, to the cent
 * as the servicing conformance README specifies — days past due, penalty (罚息) and compound
 * interest (复利) accrued exactly and rounded once per installment, grace days (宽限期), the
 * allocation order of a payment, the credit balance (溢缴款), interest accrued but not due and the
 * five-level grade (五级分类). The same function serves real loans and the public simulation.
 * Stateless and thread-safe; every method is a pure function of its arguments.
 */
public final class ServicingCalculator {

    private final LoanCalculator calculator = new LoanCalculator();

    /**
     * @param request may be null or invalid
     * @return every reason the request cannot be computed; field names are those of the JSON
     *     request ({@code terms.principal}, {@code policy.graceDays}, {@code events[0].date}, {@code asOf})
     */
    public List<Violation> validate(ServicingRequest request) {
        return ServicingValidator.validate(request);
    }

    /**
     * The position as of {@code request.asOf()} after every repayment dated on or before it.
     *
     * @param request terms, policy, repayments and date
     * @return the position, or the violations of {@link #validate} and of the schedule
     */
    public Outcome<LoanPosition> position(ServicingRequest request) {
        List<Violation> violations = validate(request);
        if (!violations.isEmpty()) {
            return Outcome.failure(violations);
        }
        Outcome<Schedule> schedule = calculator.schedule(request.terms());
        if (!schedule.isSuccess()) {
            return Outcome.failure(schedule.violations().stream()
                    .map(v -> new Violation("terms." + v.field(), v.rule(), v.message())).toList());
        }
        return Outcome.success(ServicingEngine.position(schedule.value(), request.policy(), request.repayments(),
                request.asOf()));
    }

    /**
     * The position of a loan whose schedule is already known (a stored schedule version).
     *
     * @param schedule the loan's current schedule; its terms give disbursement, rate and rounding
     * @param policy penalty, grace and grade rules
     * @param repayments in date order, between disbursement and {@code asOf}
     * @param asOf the date of the position
     * @return the position, or the violations of the policy, repayments and date
     */
    public Outcome<LoanPosition> position(Schedule schedule, ServicingPolicy policy, List<Repayment> repayments,
                                          LocalDate asOf) {
        List<Violation> violations = validate(new ServicingRequest(schedule.terms(), policy, repayments, asOf));
        if (!violations.isEmpty()) {
            return Outcome.failure(violations);
        }
        return Outcome.success(ServicingEngine.position(schedule, policy, repayments, asOf));
    }

    /**
     * The position of a loan with a stored schedule when part of its credit balance (溢缴款) was
     * refunded: each refund takes credit away at the end of its day, after that day's repayments
     * (a refund larger than the credit then held takes all of it).
     *
     * @param refunds in date order, between disbursement and {@code asOf}
     * @return the position, or the violations of the policy, repayments and date
     */
    public Outcome<LoanPosition> position(Schedule schedule, ServicingPolicy policy, List<Repayment> repayments,
                                          List<Repayment> refunds, LocalDate asOf) {
        List<Violation> violations = validate(new ServicingRequest(schedule.terms(), policy, repayments, asOf));
        if (!violations.isEmpty()) {
            return Outcome.failure(violations);
        }
        return Outcome.success(ServicingEngine.position(schedule, policy, repayments, refunds, asOf));
    }

    /**
     * The positions as of {@code asOf} and the following {@code then} in one replay — each equal to
     * {@link #position(Schedule, ServicingPolicy, List, List, LocalDate)} for its date with the
     * movements dated on or before it (end of day reads a loan before and after the date it closes).
     *
     * @param repayments in date order, between disbursement and {@code then}
     * @param refunds in date order, between disbursement and {@code then}
     * @return the two positions, or the violations of the policy, repayments and dates
     */
    public Outcome<List<LoanPosition>> positions(Schedule schedule, ServicingPolicy policy, List<Repayment> repayments,
                                                 List<Repayment> refunds, LocalDate asOf, LocalDate then) {
        List<Violation> violations = validate(new ServicingRequest(schedule.terms(), policy, repayments, then));
        if (violations.isEmpty() && (then == null || asOf == null || !then.isAfter(asOf))) {
            violations = List.of(new Violation("asOf", "order", "the second date must follow the first"));
        }
        if (!violations.isEmpty()) {
            return Outcome.failure(violations);
        }
        return Outcome.success(ServicingEngine.positions(schedule, policy, repayments, refunds, asOf, then));
    }
}
