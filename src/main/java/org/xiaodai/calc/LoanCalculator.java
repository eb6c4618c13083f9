package org.xiaodai.calc;

import java.util.List;
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
}
