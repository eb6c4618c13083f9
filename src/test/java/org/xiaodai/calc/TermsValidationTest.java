package org.xiaodai.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.xiaodai.calc.CalcTestUtils.CALCULATOR;
import static org.xiaodai.calc.CalcTestUtils.debx;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every combination the schedule README puts outside its spec is a violation, never a schedule. */
class TermsValidationTest {

    static Stream<Arguments> invalidTerms() {
        return Stream.of(
                invalid("principal", "positive", b -> b.principal("0")),
                invalid("principal", "currencyScale", b -> b.principal("100.001")),
                invalid("principal", "max", b -> b.principal("1000000000000000.01")),
                invalid("principal", "required", b -> b.principal((java.math.BigDecimal) null)),
                invalid("annualInterestRatePercent", "min", b -> b.annualInterestRatePercent("-0.01")),
                invalid("annualInterestRatePercent", "max", b -> b.annualInterestRatePercent("1000.01")),
                invalid("currencyDigits", "range", b -> b.currencyDigits(5).principal("1")),
                invalid("numberOfRepayments", "min", b -> b.numberOfRepayments(0)),
                invalid("numberOfRepayments", "max", b -> b.numberOfRepayments(1201)),
                invalid("numberOfRepayments", "termTooLong", b -> b.numberOfRepayments(1200).repaymentEvery(2)),
                invalid("firstRepaymentDate", "termTooLong", b -> b.firstRepaymentDate("2125-02-15")),
                invalid("repaymentEvery", "min", b -> b.repaymentEvery(0)),
                invalid("repaymentEvery", "max", b -> b.repaymentEvery(1001)),
                invalid("disbursementDate", "beforeFirstRepayment", b -> b.disbursementDate("2025-02-15")),
                invalid("installmentAmountInMultiplesOf", "positive", b -> b.installmentAmountInMultiplesOf("0")),
                invalid("installmentAmountInMultiplesOf", "multipleOfCurrencyUnit",
                        b -> b.installmentAmountInMultiplesOf("0.005")),
                invalid("graceOnPrincipalPeriods", "min", b -> b.graceOnPrincipalPeriods(-1)),
                invalid("graceOnPrincipalPeriods", "lessThanNumberOfRepayments", b -> b.graceOnPrincipalPeriods(12)),
                invalid("graceOnPrincipalPeriods", "outsideSpec",
                        b -> b.amortization(Amortization.BULLET).graceOnPrincipalPeriods(1)),
                invalid("graceOnInterestPaymentPeriods", "min", b -> b.graceOnInterestPaymentPeriods(-1)),
                invalid("graceOnInterestPaymentPeriods", "outsideSpec", b -> b.graceOnInterestPaymentPeriods(1)),
                invalid("graceOnInterestPaymentPeriods", "outsideSpec",
                        b -> b.graceOnPrincipalPeriods(2).graceOnInterestPaymentPeriods(2)),
                invalid("graceOnInterestPaymentPeriods", "outsideSpec", b -> b.interestMethod(InterestMethod.FLAT)
                        .graceOnPrincipalPeriods(2).graceOnInterestPaymentPeriods(1)),
                invalid("interestMethod", "unsupportedCombination",
                        b -> b.interestMethod(InterestMethod.FLAT).amortization(Amortization.EQUAL_PRINCIPAL)),
                invalid("daysInMonth", "unsupportedCombination", b -> b.interestAccrual(InterestAccrual.DAILY)
                        .daysInMonth(DaysInMonth.DAYS_30).daysInYear(DaysInYear.ACTUAL)),
                invalid("emiAdjustment", "unsupportedCombination",
                        b -> b.emiAdjustment(EmiAdjustment.FINERACT_PROGRESSIVE)),
                invalid("installmentAmountInMultiplesOf", "principalExceedsBalance",
                        b -> b.installmentAmountInMultiplesOf("1000")),
                invalid("installmentAmountInMultiplesOf", "principalNegative",
                        b -> b.installmentAmountInMultiplesOf("5000")),
                invalid("annualInterestRatePercent", "principalNegative", b -> b.interestAccrual(InterestAccrual.DAILY)
                        .annualInterestRatePercent("300").numberOfRepayments(120)),
                invalid("disbursementDate", "dateRange", b -> b.disbursementDate(LocalDate.MAX.minusYears(1))
                        .firstRepaymentDate(LocalDate.MAX.minusYears(1).plusMonths(1))),
                invalid("firstRepaymentDate", "dateRange", b -> b.firstRepaymentDate(LocalDate.of(3000, 1, 1))),
                invalid("disbursementDate", "dateRange", b -> b.disbursementDate(LocalDate.of(1899, 12, 31))));
    }

    private static Arguments invalid(String field, String rule, UnaryOperator<LoanTerms.Builder> change) {
        return Arguments.of(field + "/" + rule, field, rule, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTerms")
    void refusesTermsOutsideTheSpecNamingFieldAndRule(String name, String field, String rule,
            UnaryOperator<LoanTerms.Builder> change) {
        Outcome<Schedule> out = CALCULATOR.schedule(change.apply(debx()).build());
        assertThat(out.isSuccess()).isFalse();
        assertThat(out.violations()).extracting(Violation::field, Violation::rule).contains(tuple(field, rule));
        assertThat(out.violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        LoanTerms terms = debx().principal("-1").numberOfRepayments(0).repaymentEvery(0)
                .disbursementDate("2025-03-01").build();
        assertThat(CALCULATOR.validate(terms)).extracting(Violation::field)
                .contains("principal", "numberOfRepayments", "repaymentEvery", "disbursementDate");
    }

    @Test
    void missingEnumsAreRequiredNotNullPointers() {
        LoanTerms terms = new LoanTerms(null, null, 2, null, null, null, null, null, 1, 1, null, null, null, null,
                null, null, 0, 0, null);
        assertThat(CALCULATOR.validate(terms)).hasSize(13).extracting(Violation::rule).containsOnly("required");
        assertThat(terms.emiAdjustment()).isEqualTo(EmiAdjustment.NONE);
    }

    @Test
    void interestGraceInsidePrincipalGraceIsValid() {
        assertThat(CALCULATOR.validate(debx().graceOnPrincipalPeriods(3).graceOnInterestPaymentPeriods(2).build()))
                .isEmpty();
    }
}
