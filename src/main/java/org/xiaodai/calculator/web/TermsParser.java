package org.xiaodai.calculator.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.DaysInMonth;
import org.xiaodai.calc.DaysInYear;
import org.xiaodai.calc.EmiAdjustment;
import org.xiaodai.calc.InstallmentBasis;
import org.xiaodai.calc.InterestAccrual;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.RepaymentFrequency;
import org.xiaodai.calc.RoundingRule;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.DecimalNumber;
import org.xiaodai.shared.validation.ValidationResult;

/** Turns a {@link TermsRequest} into {@link LoanTerms}, reporting every unreadable field at once. */
final class TermsParser {

    final List<FieldProblem> problems = new ArrayList<>();

    static LoanTerms parse(TermsRequest r) {
        if (r == null) {
            throw ProblemException.invalid("body", "required");
        }
        TermsParser p = new TermsParser();
        LoanTerms terms = new LoanTerms(
                p.decimal("principal", r.principal()),
                p.decimal("annualInterestRatePercent", r.annualInterestRatePercent()),
                p.integer("currencyDigits", r.currencyDigits()),
                p.choice("roundingMode", r.roundingMode(), RoundingRule.class),
                p.choice("amortization", r.amortization(), Amortization.class),
                p.choice("interestMethod", r.interestMethod(), InterestMethod.class),
                p.choice("interestAccrual", r.interestAccrual(), InterestAccrual.class),
                p.choice("installmentBasis", r.installmentBasis(), InstallmentBasis.class),
                p.integer("numberOfRepayments", r.numberOfRepayments()),
                p.integer("repaymentEvery", r.repaymentEvery()),
                p.choice("repaymentFrequency", r.repaymentFrequency(), RepaymentFrequency.class),
                p.coded("daysInYear", r.daysInYear(), DaysInYear::fromCode, "360, 364, 365, ACTUAL"),
                p.coded("daysInMonth", r.daysInMonth(), DaysInMonth::fromCode, "30, ACTUAL"),
                p.date("disbursementDate", r.disbursementDate()),
                p.date("firstRepaymentDate", r.firstRepaymentDate()),
                p.decimal("installmentAmountInMultiplesOf", r.installmentAmountInMultiplesOf()),
                p.integer("graceOnPrincipalPeriods", r.graceOnPrincipalPeriods()),
                p.integer("graceOnInterestPaymentPeriods", r.graceOnInterestPaymentPeriods()),
                r.emiAdjustment() == null ? EmiAdjustment.NONE
                        : p.choice("emiAdjustment", r.emiAdjustment(), EmiAdjustment.class));
        if (!p.problems.isEmpty()) {
            throw ProblemException.invalid(p.problems);
        }
        return terms;
    }

    /** A plain decimal as {@link DecimalNumber} defines it: no exponent, at most ten decimals. */
    BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        ValidationResult<BigDecimal> result = DecimalNumber.validate(value);
        result.errors().forEach(v -> problems.add(new FieldProblem(field, v.rule(), v.messageKey(), v.args())));
        return result.toOptional().orElse(null);
    }

    int integer(String field, Integer value) {
        if (value == null) {
            problems.add(FieldProblem.of(field, "required"));
            return 0;
        }
        return value;
    }

    LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "date"));
            return null;
        }
    }

    <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        return coded(field, value, v -> Enum.valueOf(type, v), allowed);
    }

    private <T> T coded(String field, String value, Function<String, T> parse, String allowed) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "oneOf", allowed));
            return null;
        }
    }
}
