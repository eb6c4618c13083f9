package org.xiaodai.calculator;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.calc.Outcome;
import org.xiaodai.calc.ServicingCalculator;
import org.xiaodai.calc.ServicingRequest;
import org.xiaodai.calc.Violation;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/**
 * Simulates a loan's servicing ("what if I pay late"): the position as of a date after a list of
 * repayments, by the same engine that computes real loans. A refusal becomes a 400 naming the
 * field and rule.
 */
@Service
public class ServicingQuotes {

    /** Rules only the servicing simulation has; their texts are under {@code calculator.servicing.problem.}. */
    private static final Set<String> OWN_RULES = Set.of("outOfOrder", "beforeDisbursement", "afterAsOf");

    private final ServicingCalculator calculator = new ServicingCalculator();

    /**
     * @param request terms, policy, repayments and as-of date
     * @return the position
     * @throws ProblemException 400 listing every violation
     */
    public LoanPosition position(ServicingRequest request) {
        Outcome<LoanPosition> outcome = calculator.position(request);
        if (!outcome.isSuccess()) {
            throw ProblemException.invalid(outcome.violations().stream().map(ServicingQuotes::problem).toList());
        }
        return outcome.value();
    }

    /** @return the problem for a violation, its text from the servicing keys when the rule is the simulation's own */
    public static FieldProblem problem(Violation violation) {
        if (OWN_RULES.contains(violation.rule())) {
            return new FieldProblem(violation.field(), violation.rule(),
                    "calculator.servicing.problem." + violation.rule(), List.of());
        }
        return FieldProblem.of(violation.field(), violation.rule());
    }
}
