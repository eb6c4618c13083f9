package org.xiaodai.calculator.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.xiaodai.calc.GradeTable;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Repayment;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.calc.ServicingRequest;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The "what if I pay late" fields of the calculator page, as typed. They belong to the calculator's
 * form, so one submission carries the loan terms and these; a submission without any of them (the
 * schedule alone) gets the example. Repayments are one per line: a date and an amount.
 */
record ServicingForm(String asOf, String repayments, String penaltyRateMultiplier, String graceDays,
                     String compoundOverdueInterest, String classification) {

    /** Every field the section shows, as the page names them. */
    static final String[] FIELDS = {"asOf", "repayments", "penaltyRateMultiplier", "graceDays",
        "compoundOverdueInterest", "classification"};

    /**
     * The example a visitor sees first: the first installment paid on its due date, the second not paid,
     * looked at ten days after it fell due.
     */
    static ServicingForm example(Schedule schedule) {
        LocalDate first = schedule.installment(1).dueDate();
        LocalDate asOf = schedule.size() > 1 ? schedule.installment(2).dueDate().plusDays(10) : first.plusDays(10);
        return new ServicingForm(asOf.toString(), first + " " + schedule.installment(1).total().toPlainString(),
                "1.5", "0", null, GradeTable.DPD_DEFAULT.name());
    }

    boolean isEmpty() {
        return Stream.of(asOf, repayments, penaltyRateMultiplier, graceDays, compoundOverdueInterest, classification)
                .allMatch(v -> v == null);
    }

    public boolean compound() {
        return compoundOverdueInterest != null && !compoundOverdueInterest.isBlank() && !"false".equals(compoundOverdueInterest);
    }

    /**
     * The servicing request for these fields on the given terms.
     *
     * @throws ProblemException naming the page's fields for every unreadable one; repayment lines as
     *     {@code events[i].date}/{@code events[i].amount} so that the engine's own problems read alike
     */
    ServicingRequest toRequest(LoanTerms terms) {
        TermsParser p = new TermsParser();
        BigDecimal multiplier = p.decimal("penaltyRateMultiplier", strip(penaltyRateMultiplier));
        Integer grace = whole("graceDays", graceDays, p.problems);
        GradeTable table = p.choice("classification", classification, GradeTable.class);
        LocalDate date = p.date("asOf", asOf);
        List<Repayment> events = lines(p);
        if (!p.problems.isEmpty()) {
            throw ProblemException.invalid(p.problems);
        }
        return new ServicingRequest(terms, new ServicingPolicy(multiplier, 360, grace, compound(), table), events, date);
    }

    private List<Repayment> lines(TermsParser p) {
        List<Repayment> events = new ArrayList<>();
        String[] lines = repayments == null ? new String[0] : repayments.strip().split("\\R");
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String field = "events[" + events.size() + "]";
            String[] parts = line.strip().split("[\\s\\t]+");
            if (parts.length != 2) {
                p.problems.add(new FieldProblem(field, "lineFormat", "calculator.servicing.problem.lineFormat", List.of()));
                events.add(new Repayment(null, null));
                continue;
            }
            events.add(new Repayment(p.date(field + ".date", parts[0]),
                    p.decimal(field + ".amount", parts[1].replaceAll("[,，]", ""))));
        }
        return events;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static Integer whole(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return 0;
        }
        if (!value.strip().matches("[+-]?\\d{1,9}")) {
            problems.add(FieldProblem.of(field, "wholeNumber"));
            return 0;
        }
        return Integer.valueOf(value.strip());
    }
}
