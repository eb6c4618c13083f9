package org.xiaodai.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xiaodai.calc.CalcTestUtils.CALCULATOR;
import static org.xiaodai.calc.CalcTestUtils.debx;
import static org.xiaodai.calc.CalcTestUtils.money;
import static org.xiaodai.calc.CalcTestUtils.schedule;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Partial prepayment and rescheduling of 等额本息 10000.00 at 1 % a month over 12 months (E =
 * 888.49; balance 8415.14 after 2 installments). Expected figures from the independent Python
 * reference (src/test/resources/conformance/tools/refschedule.py) on the remaining terms.
 */
class PrepaymentTest {

    private final Schedule loan = schedule(debx());

    @Test
    void lowerInstallmentKeepsTheRemainingTermAndResizesE() {
        PrepaymentResult r = prepay("2025-03-15", "3000.00", PrepaymentStrategy.LOWER_INSTALLMENT);
        assertThat(r.interestPaid()).hasToString("0.00");
        assertThat(r.principalPaid()).hasToString("3000.00");
        assertThat(r.newTerms().principal()).hasToString("5415.14");
        assertThat(r.newSchedule().size()).isEqualTo(10);
        assertThat(r.newSchedule().installmentAmount()).contains(money("571.74"));
        assertThat(r.newSchedule().installment(1).dueDate()).isEqualTo(LocalDate.parse("2025-04-15"));
        assertThat(r.newSchedule().installment(10).total()).hasToString("571.78");
    }

    @Test
    void shorterTermKeepsTheInstallmentAndEndsEarlier() {
        PrepaymentResult r = prepay("2025-03-15", "3000.00", PrepaymentStrategy.SHORTER_TERM);
        assertThat(r.newSchedule().size()).isEqualTo(7);
        assertThat(r.newSchedule().installment(1).total()).hasToString("888.49");
        assertThat(r.newSchedule().installment(7).total()).hasToString("285.09");
        assertThat(r.newSchedule().installment(7).interest()).hasToString("2.82");
        assertThat(r.newSchedule().installment(7).balanceAfter()).hasToString("0.00");
    }

    @Test
    void midPeriodPrepaymentFirstPaysTheInterestOfTheDaysUsed() {
        // 8415.14 x 1 % x 17/31 = 46.1475.. -> 46.15; the rest runs 14 days to 2025-04-15
        PrepaymentResult r = prepay("2025-04-01", "2046.15", PrepaymentStrategy.LOWER_INSTALLMENT);
        assertThat(r.interestPaid()).hasToString("46.15");
        assertThat(r.principalPaid()).hasToString("2000.00");
        assertThat(r.newSchedule().installmentAmount()).contains(money("677.32"));
        assertThat(r.newSchedule().installment(1).interest()).hasToString("28.97");
    }

    @Test
    void equalPrincipalShorterTermKeepsThePrincipalPerPeriod() {
        Schedule debj = schedule(debx().amortization(Amortization.EQUAL_PRINCIPAL));
        PrepaymentResult r = CALCULATOR.prepay(new PrepaymentRequest(debj, LocalDate.parse("2025-03-15"), 2,
                money("2000.00"), PrepaymentStrategy.SHORTER_TERM)).value();
        // 8333.34 − 2000 = 6333.34 = 7 x 833.33 + 500.03
        assertThat(r.newSchedule().size()).isEqualTo(8);
        assertThat(r.newSchedule().installment(1).principal()).hasToString("833.33");
        assertThat(r.newSchedule().installment(8).principal()).hasToString("500.03");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                              | date       | paid | amount   | field            | rule
        amount repays everything            | 2025-03-15 | 2    | 8415.14  | amount           | coversPayoff
        amount below the interest owed      | 2025-04-01 | 2    | 46.15    | amount           | belowAccruedInterest
        an installment is unpaid            | 2025-04-01 | 1    | 1000.00  | installmentsPaid | notCurrent
        more decimals than the currency     | 2025-04-01 | 2    | 1000.001 | amount           | currencyScale
        after maturity                      | 2026-02-01 | 12   | 1000.00  | date             | afterMaturity
        """)
    void refusesPrepaymentsThatAreReallySomethingElse(String name, LocalDate date, int paid, String amount,
            String field, String rule) {
        Outcome<PrepaymentResult> out = CALCULATOR.prepay(new PrepaymentRequest(loan, date, paid, money(amount),
                PrepaymentStrategy.LOWER_INSTALLMENT));
        assertThat(out.violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, rule));
    }

    @Test
    void flatLoansCannotBePartlyPrepaid() {
        Schedule flat = schedule(debx().interestMethod(InterestMethod.FLAT));
        assertThat(CALCULATOR.prepay(new PrepaymentRequest(flat, LocalDate.parse("2025-03-15"), 2, money("100"),
                PrepaymentStrategy.LOWER_INSTALLMENT)).violations())
                .extracting(Violation::rule).containsExactly("prepaymentUnsupported");
    }

    @Test
    void rescheduleCapitalisesTheInterestOwedWhenAsked() {
        LoanTerms newTerms = debx().numberOfRepayments(24).firstRepaymentDate("2025-04-15").build();
        RescheduleResult r = CALCULATOR.reschedule(new RescheduleRequest(loan, LocalDate.parse("2025-04-01"), 2,
                newTerms, true)).value();
        // 8415.14 + 46.15 accrued for 17 of 31 days
        assertThat(r.effectiveTerms().principal()).hasToString("8461.29");
        assertThat(r.interestDueNow()).hasToString("0.00");
        assertThat(r.newSchedule().size()).isEqualTo(24);
        assertThat(r.newSchedule().installment(24).balanceAfter()).hasToString("0.00");
    }

    @Test
    void rescheduleLeavesTheInterestDueWhenNotCapitalised() {
        LoanTerms newTerms = debx().numberOfRepayments(24).firstRepaymentDate("2025-04-15").build();
        RescheduleResult r = CALCULATOR.reschedule(new RescheduleRequest(loan, LocalDate.parse("2025-04-01"), 1,
                newTerms, false)).value();
        // row 2 unpaid (796.37 + 92.12): principal 796.37 + 8415.14, interest 92.12 + 46.15
        assertThat(r.effectiveTerms().principal()).hasToString("9211.51");
        assertThat(r.interestDueNow()).hasToString("138.27");
    }

    @Test
    void prepaymentPaysTheAccruedInterestRoundedOnceFromTheExactRate() {
        PrepaymentResult r = CALCULATOR.prepay(new PrepaymentRequest(schedule(accruesATieOnMarch1()),
                LocalDate.parse("2025-03-01"), 1, money("1.12"), PrepaymentStrategy.LOWER_INSTALLMENT)).value();
        assertThat(r.interestPaid()).hasToString("0.12");
        assertThat(r.principalPaid()).hasToString("1.00");
        assertThat(r.newTerms().principal()).hasToString("5.00");
    }

    @Test
    void rescheduleCapitalisesTheAccruedInterestRoundedOnceFromTheExactRate() {
        LoanTerms newTerms = debx().numberOfRepayments(6).firstRepaymentDate("2025-04-01").build();
        RescheduleResult capitalised = CALCULATOR.reschedule(new RescheduleRequest(schedule(accruesATieOnMarch1()),
                LocalDate.parse("2025-03-01"), 1, newTerms, true)).value();
        RescheduleResult due = CALCULATOR.reschedule(new RescheduleRequest(schedule(accruesATieOnMarch1()),
                LocalDate.parse("2025-03-01"), 1, newTerms, false)).value();
        assertThat(capitalised.effectiveTerms().principal()).hasToString("6.12");
        assertThat(due.interestDueNow()).hasToString("0.12");
    }

    /**
     * Interest only, 6.00 at 46 % (HALF_UP): on 2025-03-01, 14 of the 28 days of period 2 accrue
     * exactly 6.00 × 0.46/12 × 14/28 = 0.115, which rounds to 0.12.
     */
    private static LoanTerms.Builder accruesATieOnMarch1() {
        return debx().principal("6.00").annualInterestRatePercent("46").numberOfRepayments(3)
                .amortization(Amortization.INTEREST_ONLY_THEN_BULLET).roundingMode(RoundingRule.HALF_UP);
    }

    private PrepaymentResult prepay(String date, String amount, PrepaymentStrategy strategy) {
        return CALCULATOR.prepay(new PrepaymentRequest(loan, LocalDate.parse(date), 2, money(amount), strategy))
                .value();
    }
}
