package org.xiaodai.calculator;

import java.util.List;

import org.springframework.stereotype.Service;
import org.xiaodai.calc.AnnualRate;
import org.xiaodai.calc.LoanCalculator;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Outcome;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calc.Violation;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/** Computes schedules and their annualised rate; a refusal by the engine becomes a 400 naming the field and rule. */
@Service
public class ScheduleQuotes {

    private final LoanCalculator calculator = new LoanCalculator();

    public ScheduleQuote quote(LoanTerms terms) {
        Schedule schedule = unwrap(calculator.schedule(terms));
        AnnualRate rate = unwrap(calculator.annualRate(schedule, List.of()));
        return new ScheduleQuote(schedule, rate.aprPercent(2).toPlainString(), rate.effectivePercent(2).toPlainString());
    }

    private static <T> T unwrap(Outcome<T> outcome) {
        if (!outcome.isSuccess()) {
            throw ProblemException.invalid(outcome.violations().stream().map(ScheduleQuotes::problem).toList());
        }
        return outcome.value();
    }

    private static FieldProblem problem(Violation violation) {
        return FieldProblem.of(violation.field(), violation.rule());
    }
}
