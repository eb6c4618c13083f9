package org.xiaodai.calculator.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.xiaodai.calc.LoanTerms;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The calculator page's form, every field as the text the visitor typed so that nothing is lost
 * to a binding error: a wrong value comes back beside its field instead. Field names are those of
 * {@link TermsRequest}; the currency is always CNY (two decimals) and there is no EMI adjustment.
 */
record CalculatorForm(
        String principal,
        String annualInterestRatePercent,
        String numberOfRepayments,
        String repaymentEvery,
        String repaymentFrequency,
        String amortization,
        String disbursementDate,
        String firstRepaymentDate,
        String interestMethod,
        String interestAccrual,
        String installmentBasis,
        String daysInYear,
        String daysInMonth,
        String roundingMode,
        String installmentAmountInMultiplesOf,
        String graceOnPrincipalPeriods,
        String graceOnInterestPaymentPeriods) {

    /** CNY has fen: two decimals. */
    static final int CURRENCY_DIGITS = 2;

    /** The fields inside the "advanced" section, in the order the page shows them. */
    static final List<String> ADVANCED_FIELDS = List.of("interestMethod", "interestAccrual", "installmentBasis",
            "daysInYear", "daysInMonth", "roundingMode", "installmentAmountInMultiplesOf",
            "graceOnPrincipalPeriods", "graceOnInterestPaymentPeriods");

    /** 10,000.00 at 12% a year, 12 monthly 等额本息 repayments, disbursed on {@code today}, first due a month later. */
    static CalculatorForm defaults(LocalDate today) {
        return new CalculatorForm("10000.00", "12", "12", "1", "MONTHS", "EQUAL_INSTALLMENTS",
                today.toString(), today.plusMonths(1).toString(),
                "DECLINING_BALANCE", "PER_PERIOD", "NOMINAL_PERIODIC_RATE", "365", "ACTUAL", "HALF_UP", "0.01", "0", "0");
    }

    /**
     * The loan terms these fields describe.
     *
     * @throws ProblemException with a problem for every field that is missing or unreadable
     */
    LoanTerms toTerms() {
        List<FieldProblem> problems = new ArrayList<>();
        TermsRequest request = new TermsRequest(withoutGrouping(principal), annualInterestRatePercent, CURRENCY_DIGITS,
                roundingMode, amortization, interestMethod, interestAccrual, installmentBasis,
                whole("numberOfRepayments", numberOfRepayments, problems),
                whole("repaymentEvery", repaymentEvery, problems), repaymentFrequency, daysInYear, daysInMonth,
                disbursementDate, firstRepaymentDate, installmentAmountInMultiplesOf,
                whole("graceOnPrincipalPeriods", graceOnPrincipalPeriods, problems),
                whole("graceOnInterestPaymentPeriods", graceOnInterestPaymentPeriods, problems), null);
        try {
            LoanTerms terms = TermsParser.parse(request);
            if (problems.isEmpty()) {
                return terms;
            }
        } catch (ProblemException e) {
            // A field that is not a whole number also comes back as "required": keep only the first reason.
            Set<String> reported = Set.copyOf(problems.stream().map(FieldProblem::field).toList());
            e.fieldProblems().stream().filter(p -> !reported.contains(p.field())).forEach(problems::add);
        }
        throw ProblemException.invalid(problems);
    }

    /** True when an advanced setting differs from its default, so the page keeps that section open. */
    boolean advancedChanged() {
        return !advancedValues().equals(defaults(LocalDate.EPOCH).advancedValues());
    }

    private List<String> advancedValues() {
        return Stream.of(interestMethod, interestAccrual, installmentBasis, daysInYear, daysInMonth, roundingMode,
                installmentAmountInMultiplesOf, graceOnPrincipalPeriods, graceOnInterestPaymentPeriods)
                .map(v -> v == null ? "" : v.strip()).toList();
    }

    /** "10,000.00" as people write it becomes "10000.00"; anything else is left for the parser to judge. */
    private static String withoutGrouping(String amount) {
        return amount == null ? null : amount.replaceAll("[,，\\s]", "");
    }

    private static Integer whole(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null; // the parser reports it as required
        }
        if (!value.strip().matches("[+-]?\\d{1,9}")) {
            problems.add(FieldProblem.of(field, "wholeNumber"));
            return null;
        }
        return Integer.valueOf(value.strip());
    }
}
