package org.xiaodai.calculator.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.xiaodai.calc.GradeTable;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Repayment;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.calc.ServicingRequest;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/**
 * Turns a {@link ServicingSimulationRequest} into a {@link ServicingRequest}, reporting every
 * unreadable field at once under its JSON path ({@code terms.principal}, {@code policy.graceDays},
 * {@code events[0].amount}). Ranges and date order are the engine's to judge.
 */
final class ServicingParser {

    private final TermsParser fields = new TermsParser();

    static ServicingRequest parse(ServicingSimulationRequest r) {
        if (r == null) {
            throw ProblemException.invalid("body", "required");
        }
        ServicingParser p = new ServicingParser();
        LoanTerms terms = p.terms(r.terms());
        ServicingPolicy policy = p.policy(r.policy());
        List<Repayment> repayments = p.events(r.events());
        LocalDate asOf = p.fields.date("asOf", r.asOf());
        if (!p.fields.problems.isEmpty()) {
            throw ProblemException.invalid(p.fields.problems);
        }
        return new ServicingRequest(terms, policy, repayments, asOf);
    }

    private LoanTerms terms(TermsRequest terms) {
        if (terms == null) {
            fields.problems.add(FieldProblem.of("terms", "required"));
            return null;
        }
        try {
            return TermsParser.parse(terms);
        } catch (ProblemException e) {
            e.fieldProblems().forEach(f -> fields.problems.add(
                    new FieldProblem("terms." + f.field(), f.rule(), f.messageKey(), f.args())));
            return null;
        }
    }

    private ServicingPolicy policy(ServicingSimulationRequest.Policy policy) {
        if (policy == null) {
            fields.problems.add(FieldProblem.of("policy", "required"));
            return null;
        }
        BigDecimal multiplier = fields.decimal("policy.penaltyRateMultiplier", policy.penaltyRateMultiplier());
        int daysInYear = fields.integer("policy.penaltyDaysInYear", policy.penaltyDaysInYear());
        int graceDays = fields.integer("policy.graceDays", policy.graceDays());
        if (policy.compoundOverdueInterest() == null) {
            fields.problems.add(FieldProblem.of("policy.compoundOverdueInterest", "required"));
        }
        GradeTable table = fields.choice("policy.classification", policy.classification(), GradeTable.class);
        return new ServicingPolicy(multiplier, daysInYear, graceDays, Boolean.TRUE.equals(policy.compoundOverdueInterest()),
                table);
    }

    private List<Repayment> events(List<ServicingSimulationRequest.Event> events) {
        if (events == null) {
            fields.problems.add(FieldProblem.of("events", "required"));
            return null;
        }
        List<Repayment> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ServicingSimulationRequest.Event e = events.get(i);
            String field = "events[" + i + "]";
            if (e == null) {
                fields.problems.add(FieldProblem.of(field, "required"));
                continue;
            }
            if (e.type() == null || e.type().isBlank()) {
                fields.problems.add(FieldProblem.of(field + ".type", "required"));
            } else if (!"REPAYMENT".equals(e.type().strip())) {
                fields.problems.add(FieldProblem.of(field + ".type", "oneOf", "REPAYMENT"));
            }
            out.add(new Repayment(fields.date(field + ".date", e.date()), fields.decimal(field + ".amount", e.amount())));
        }
        return out;
    }
}
