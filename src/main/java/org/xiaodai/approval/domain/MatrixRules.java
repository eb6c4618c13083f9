package org.xiaodai.approval.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.xiaodai.shared.problem.FieldProblem;

/** The checks a new authority-matrix version must pass before it is saved. */
public final class MatrixRules {

    private static final Set<String> GRADES = Set.of("A", "B", "C", "D", "E");

    private MatrixRules() {
    }

    /** Every problem of {@code matrix}, with fields named like {@code rules[2].maxAmount}. */
    public static List<FieldProblem> check(AuthorityMatrix matrix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (matrix.rules().isEmpty()) {
            problems.add(FieldProblem.of("rules", "required"));
        }
        for (int i = 0; i < matrix.rules().size(); i++) {
            ApprovalRule r = matrix.rules().get(i);
            String at = "rules[" + i + "].";
            if (r.route() == null) {
                problems.add(FieldProblem.of(at + "route", "required"));
            }
            if (r.minAmount() != null && r.minAmount().signum() < 0) {
                problems.add(FieldProblem.of(at + "minAmount", "min", 0));
            }
            if (r.maxAmount() != null && r.minAmount() != null && r.maxAmount().compareTo(r.minAmount()) < 0) {
                problems.add(FieldProblem.of(at + "maxAmount", "min", r.minAmount()));
            }
            if (!GRADES.containsAll(r.grades())) {
                problems.add(FieldProblem.of(at + "grades", "oneOf", String.join(", ", GRADES.stream().sorted().toList())));
            }
            if (r.route() == Route.COMMITTEE) {
                if (r.committeeSize() == null || r.committeeSize() < 1 || r.committeeSize() > 15) {
                    problems.add(FieldProblem.of(at + "committeeSize", "range", 1, 15));
                } else if (r.committeeVotes() == null || r.committeeVotes() < 1 || r.committeeVotes() > r.committeeSize()) {
                    problems.add(FieldProblem.of(at + "committeeVotes", "range", 1, r.committeeSize()));
                }
            }
        }
        for (String field : List.of("l1SlaHours", "l2SlaHours", "committeeSlaHours")) {
            int hours = switch (field) {
                case "l1SlaHours" -> matrix.l1SlaHours();
                case "l2SlaHours" -> matrix.l2SlaHours();
                default -> matrix.committeeSlaHours();
            };
            if (hours < 1 || hours > 720) {
                problems.add(FieldProblem.of(field, "range", 1, 720));
            }
        }
        return problems;
    }
}
