package org.xiaodai.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-checked servicing cases (servicing README §2–§8) on a loan small enough to follow on paper:
 * 1,200.00 at 12 % a year, 3 monthly 等额本金 installments of 400.00 principal with 12.00, 8.00 and
 * 4.00 interest, due 2025-02-15, 03-15 and 04-15. At 1.5 × 12 % over 360 days the daily penalty
 * rate is 0.05 %, so 400.00 unpaid costs 0.20 a day.
 */
class ServicingEngineTest {

    private final ServicingCalculator servicing = new ServicingCalculator();

    static LoanTerms.Builder smallLoan() {
        return LoanTerms.builder().principal("1200.00").annualInterestRatePercent("12").numberOfRepayments(3)
                .amortization(Amortization.EQUAL_PRINCIPAL).daysInYear(DaysInYear.DAYS_360).daysInMonth(DaysInMonth.DAYS_30)
                .roundingMode(RoundingRule.HALF_UP).disbursementDate("2025-01-15").firstRepaymentDate("2025-02-15");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                   | M   | Y_p | g | comp. | rounding  | table       | repayments                      | asOf       | status   | dpd | grade           | principal | ovd prin. | ovd int. | penalty | accrued | credit
        nothing paid, five days late             | 1.5 | 360 | 0 | false | HALF_UP   | DPD_DEFAULT |                                 | 2025-02-20 | OVERDUE  | 5   | SPECIAL_MENTION | 1200.00   | 400.00    | 12.00    | 1.00    | 1.43    | 0.00
        compound: unpaid interest bears penalty  | 1.5 | 360 | 0 | true  | HALF_UP   | DPD_DEFAULT |                                 | 2025-02-20 | OVERDUE  | 5   | SPECIAL_MENTION | 1200.00   | 400.00    | 12.00    | 1.03    | 1.43    | 0.00
        unsecured table: 5 days is still normal  | 1.5 | 360 | 0 | false | HALF_UP   | CREDIT      |                                 | 2025-02-20 | OVERDUE  | 5   | NORMAL          | 1200.00   | 400.00    | 12.00    | 1.00    | 1.43    | 0.00
        inside the grace window nothing charged  | 1.5 | 360 | 5 | false | HALF_UP   | DPD_DEFAULT |                                 | 2025-02-20 | OVERDUE  | 5   | SPECIAL_MENTION | 1200.00   | 400.00    | 12.00    | 0.00    | 1.43    | 0.00
        after the window, charged from due date  | 1.5 | 360 | 5 | false | HALF_UP   | DPD_DEFAULT |                                 | 2025-02-21 | OVERDUE  | 6   | SPECIAL_MENTION | 1200.00   | 400.00    | 12.00    | 1.20    | 1.71    | 0.00
        paid in full on the window's last day    | 1.5 | 360 | 5 | false | HALF_UP   | DPD_DEFAULT | 2025-02-20 412.00               | 2025-02-25 | ACTIVE   | 0   | NORMAL          | 800.00    | 0.00      | 0.00     | 0.00    | 2.86    | 0.00
        paid a day after the window              | 1.5 | 360 | 5 | false | HALF_UP   | DPD_DEFAULT | 2025-02-21 412.00               | 2025-02-25 | OVERDUE  | 10  | SPECIAL_MENTION | 801.20    | 1.20      | 0.00     | 0.00    | 2.86    | 0.00
        10.00 left a day: 0.005 rounds up        | 1.5 | 360 | 0 | false | HALF_UP   | DPD_DEFAULT | 2025-02-15 402.00               | 2025-02-16 | OVERDUE  | 1   | SPECIAL_MENTION | 810.00    | 10.00     | 0.00     | 0.01    | 0.29    | 0.00
        10.00 left a day: 0.005 rounds to even   | 1.5 | 360 | 0 | false | HALF_EVEN | DPD_DEFAULT | 2025-02-15 402.00               | 2025-02-16 | OVERDUE  | 1   | SPECIAL_MENTION | 810.00    | 10.00     | 0.00     | 0.00    | 0.29    | 0.00
        10.00 left two days: 0.010               | 1.5 | 360 | 0 | false | HALF_EVEN | DPD_DEFAULT | 2025-02-15 402.00               | 2025-02-17 | OVERDUE  | 2   | SPECIAL_MENTION | 810.00    | 10.00     | 0.00     | 0.01    | 0.57    | 0.00
        two payments a day, in the order listed  | 1.5 | 360 | 0 | false | HALF_UP   | DPD_DEFAULT | 2025-02-25 1.50;2025-02-25 100  | 2025-02-25 | OVERDUE  | 10  | SPECIAL_MENTION | 1112.50   | 312.50    | 0.00     | 0.00    | 2.86    | 0.00
        one payment long after every due date    | 1.5 | 360 | 0 | false | HALF_UP   | DPD_DEFAULT | 2025-04-20 1000.00              | 2025-04-20 | OVERDUE  | 5   | SPECIAL_MENTION | 245.00    | 245.00    | 0.00     | 0.00    | 0.00    | 0.00
        then three months more: substandard      | 1.5 | 360 | 0 | false | HALF_UP   | DPD_DEFAULT | 2025-04-20 1000.00              | 2025-07-20 | OVERDUE  | 96  | SUBSTANDARD     | 245.00    | 245.00    | 0.00     | 11.15   | 0.00    | 0.00
        pledged: 96 days is special mention      | 1.5 | 360 | 0 | false | HALF_UP   | PLEDGE      | 2025-04-20 1000.00              | 2025-07-20 | OVERDUE  | 96  | SPECIAL_MENTION | 245.00    | 245.00    | 0.00     | 11.15   | 0.00    | 0.00
        mortgage: 96 days is special mention     | 1.5 | 360 | 0 | false | HALF_UP   | MORTGAGE    | 2025-04-20 1000.00              | 2025-07-20 | OVERDUE  | 96  | SPECIAL_MENTION | 245.00    | 245.00    | 0.00     | 11.15   | 0.00    | 0.00
        guaranteed: 96 days is substandard       | 1.5 | 360 | 0 | false | HALF_UP   | GUARANTEED  | 2025-04-20 1000.00              | 2025-07-20 | OVERDUE  | 96  | SUBSTANDARD     | 245.00    | 245.00    | 0.00     | 11.15   | 0.00    | 0.00
        early payment is credit until due        | 1.5 | 360 | 0 | false | HALF_UP   | DPD_DEFAULT | 2025-01-20 1300.00              | 2025-02-14 | ACTIVE   | 0   | NORMAL          | 1200.00   | 0.00      | 0.00     | 0.00    | 11.61   | 1300.00
        credit settles installment 1 on its day  | 1.5 | 360 | 0 | false | HALF_UP   | DPD_DEFAULT | 2025-01-20 1300.00              | 2025-02-15 | ACTIVE   | 0   | NORMAL          | 800.00    | 0.00      | 0.00     | 0.00    | 0.00    | 888.00
        overpayment pays the loan off            | 1.5 | 360 | 0 | false | HALF_UP   | DPD_DEFAULT | 2025-01-20 1300.00              | 2025-04-16 | PAID_OFF | 0   | NORMAL          | 0.00      | 0.00      | 0.00     | 0.00    | 0.00    | 76.00
        payment on the disbursement date         | 1.5 | 360 | 0 | false | HALF_UP   | DPD_DEFAULT | 2025-01-15 10.00                | 2025-01-15 | ACTIVE   | 0   | NORMAL          | 1200.00   | 0.00      | 0.00     | 0.00    | 0.00    | 10.00
        1.3 × rate over 365 days                 | 1.3 | 365 | 0 | false | HALF_UP   | DPD_DEFAULT |                                 | 2025-02-20 | OVERDUE  | 5   | SPECIAL_MENTION | 1200.00   | 400.00    | 12.00    | 0.85    | 1.43    | 0.00
        compound on 7.00 of interest left        | 1.5 | 360 | 0 | true  | HALF_UP   | DPD_DEFAULT | 2025-02-15 5.00                 | 2025-02-17 | OVERDUE  | 2   | SPECIAL_MENTION | 1200.00   | 400.00    | 7.00     | 0.41    | 0.57    | 0.00
        simple: interest left bears nothing      | 1.5 | 360 | 0 | false | HALF_UP   | DPD_DEFAULT | 2025-02-15 5.00                 | 2025-02-17 | OVERDUE  | 2   | SPECIAL_MENTION | 1200.00   | 400.00    | 7.00     | 0.40    | 0.57    | 0.00
        due today is neither overdue nor charged | 1.5 | 360 | 0 | false | HALF_UP   | DPD_DEFAULT |                                 | 2025-02-15 | ACTIVE   | 0   | NORMAL          | 1200.00   | 0.00      | 0.00     | 0.00    | 0.00    | 0.00
        """)
    void reproducesHandCheckedPositions(String name, String multiplier, int daysInYear, int grace, boolean compound,
                                        RoundingRule rounding, GradeTable table, String repayments, String asOf,
                                        LoanStatus status, long dpd, FiveLevelGrade grade, String principal,
                                        String overduePrincipal, String overdueInterest, String penalty, String accrued,
                                        String credit) {
        ServicingPolicy policy = new ServicingPolicy(new BigDecimal(multiplier), daysInYear, grace, compound, table);
        LoanPosition p = position(smallLoan().roundingMode(rounding), policy, repayments, asOf);
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.daysPastDue()).isEqualTo(dpd);
        assertThat(p.grade()).isEqualTo(grade);
        assertThat(p.principalOutstanding()).hasToString(principal);
        assertThat(p.overduePrincipal()).hasToString(overduePrincipal);
        assertThat(p.overdueInterest()).hasToString(overdueInterest);
        assertThat(p.penaltyOutstanding()).hasToString(penalty);
        assertThat(p.accruedInterest()).hasToString(accrued);
        assertThat(p.credit()).hasToString(credit);
    }

    @Test
    void allocatesPenaltyThenPastDueInterestThenPrincipalThenCredit() {
        // 10 days late: 2.00 penalty on installment 1; on 2025-03-15 installment 2 is due that day.
        LoanPosition p = position(smallLoan(), ServicingPolicy.standard(), "2025-02-25 1.50;2025-02-25 100;2025-03-15 800",
                "2025-03-15");
        assertThat(p.allocations()).extracting(a -> a.penalty() + "/" + a.interest() + "/" + a.principal() + "/" + a.toCredit())
                // third: 312.50 × 18 days × 0.05 % = 2.8125 → 2.81 penalty, then 312.50 principal of no. 1,
                // then 8.00 interest and 400.00 principal due that day, 76.69 left as credit
                .containsExactly("1.50/0.00/0.00/0.00", "0.50/12.00/87.50/0.00", "2.81/8.00/712.50/76.69");
        // installment 1 was charged 2.00 for its first 10 days and 2.8125 for the next 18: 4.8125 → 4.81
        assertThat(p.installments().get(0).penaltyCharged()).hasToString("4.81");
        assertThat(p.installments().get(0).paidPenalty()).hasToString("4.81");
        assertThat(p.credit()).hasToString("76.69");
    }

    @Test
    void penaltyIsRoundedOncePerInstallmentOnTheRunningExactTotal() {
        // 10.00 unpaid accrues 0.005 a day: two payments a day apart would round 0.005 twice (0.01 + 0.01
        // with HALF_UP) if each day were rounded; the running total of 3 days is 0.015 → 0.02.
        LoanPosition p = position(smallLoan(), ServicingPolicy.standard(), "2025-02-15 402.00", "2025-02-18");
        assertThat(p.installments().get(0).penaltyCharged()).hasToString("0.02");
        LoanPosition even = position(smallLoan().roundingMode(RoundingRule.HALF_EVEN), ServicingPolicy.standard(),
                "2025-02-15 402.00", "2025-02-18");
        assertThat(even.installments().get(0).penaltyCharged()).hasToString("0.02");
    }

    @Test
    void aWeeklyLoanIsChargedFromItsWeeklyDueDate() {
        // 7,000.00 in 7 weekly 等额本金 installments of 1,000.00; at 18 % × 1.5 / 360 a day, 1,000.00 costs 0.75 a day.
        LoanTerms.Builder weekly = LoanTerms.builder().principal("7000.00").annualInterestRatePercent("18")
                .numberOfRepayments(7).repaymentFrequency(RepaymentFrequency.WEEKS)
                .amortization(Amortization.EQUAL_PRINCIPAL).disbursementDate("2025-03-03").firstRepaymentDate("2025-03-10");
        LoanPosition p = position(weekly, ServicingPolicy.standard(), "", "2025-03-13");
        assertThat(p.daysPastDue()).isEqualTo(3);
        assertThat(p.overduePrincipal()).hasToString("1000.00");
        assertThat(p.penaltyOutstanding()).hasToString("2.25");
        assertThat(p.installments().get(1).dueDate()).isEqualTo(LocalDate.parse("2025-03-17"));
    }

    @Test
    void theLargestRequestIsAnsweredPromptly() {
        // 1,200 weekly installments, 5,000 small repayments every other day, seen long after maturity: the
        // public endpoint must not be a way to burn the CPU (the guard is generous for a busy machine).
        LoanTerms.Builder longest = LoanTerms.builder().principal("1000000.00").annualInterestRatePercent("24")
                .numberOfRepayments(LoanCalculator.MAX_REPAYMENTS).repaymentFrequency(RepaymentFrequency.WEEKS)
                .disbursementDate("2025-01-01").firstRepaymentDate("2025-01-08");
        ServicingPolicy policy = new ServicingPolicy(new BigDecimal("1.5"), 360, 3, true, GradeTable.CREDIT);
        List<Repayment> repayments = new ArrayList<>();
        for (int i = 0; i < org.xiaodai.calc.internal.ServicingValidator.MAX_REPAYMENTS; i++) {
            repayments.add(new Repayment(LocalDate.parse("2025-01-01").plusDays(2L * i), new BigDecimal("123.45")));
        }
        long start = System.nanoTime();
        Outcome<LoanPosition> outcome = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> servicing.position(
                new ServicingRequest(longest.build(), policy, repayments, LocalDate.parse("2060-01-01"))));
        System.out.printf("largest servicing request: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(outcome.value().allocations()).hasSize(repayments.size());
    }

    @Test
    void aStoredScheduleGivesTheSamePositionAsItsTerms() {
        // a real loan keeps its schedule version; the engine answers the same from it as from the terms
        Schedule schedule = CalcTestUtils.schedule(smallLoan());
        List<Repayment> paid = repayments("2025-02-25 1.50;2025-02-25 100");
        LoanPosition fromSchedule = servicing.position(schedule, ServicingPolicy.standard(), paid,
                LocalDate.parse("2025-03-20")).value();
        assertThat(fromSchedule).isEqualTo(position(smallLoan(), ServicingPolicy.standard(), "2025-02-25 1.50;2025-02-25 100",
                "2025-03-20"));
        assertThat(servicing.position(schedule, ServicingPolicy.standard(), paid, LocalDate.parse("2025-02-24")).violations())
                .extracting(Violation::rule).containsOnly("afterAsOf");
    }

    @Test
    void gradeTablesFollowTheReadme() {
        assertThat(List.of(0, 1, 90, 91, 270, 271, 360, 361).stream().map(d -> GradeTable.DPD_DEFAULT.grade(d)).toList())
                .containsExactly(FiveLevelGrade.NORMAL, FiveLevelGrade.SPECIAL_MENTION, FiveLevelGrade.SPECIAL_MENTION,
                        FiveLevelGrade.SUBSTANDARD, FiveLevelGrade.SUBSTANDARD, FiveLevelGrade.DOUBTFUL,
                        FiveLevelGrade.DOUBTFUL, FiveLevelGrade.LOSS);
        assertThat(List.of(10, 11, 90, 91, 180, 181, 361).stream().map(d -> GradeTable.CREDIT.grade(d)).toList())
                .containsExactly(FiveLevelGrade.NORMAL, FiveLevelGrade.SPECIAL_MENTION, FiveLevelGrade.SPECIAL_MENTION,
                        FiveLevelGrade.SUBSTANDARD, FiveLevelGrade.SUBSTANDARD, FiveLevelGrade.DOUBTFUL, FiveLevelGrade.LOSS);
        assertThat(List.of(30, 31, 91, 181, 361).stream().map(d -> GradeTable.GUARANTEED.grade(d)).toList())
                .containsExactly(FiveLevelGrade.NORMAL, FiveLevelGrade.SPECIAL_MENTION, FiveLevelGrade.SUBSTANDARD,
                        FiveLevelGrade.DOUBTFUL, FiveLevelGrade.LOSS);
        assertThat(List.of(30, 31, 360, 361, 5000).stream().map(d -> GradeTable.MORTGAGE.grade(d)).toList())
                .containsExactly(FiveLevelGrade.NORMAL, FiveLevelGrade.SPECIAL_MENTION, FiveLevelGrade.SPECIAL_MENTION,
                        FiveLevelGrade.SUBSTANDARD, FiveLevelGrade.SUBSTANDARD);
        assertThat(List.of(90, 91, 360, 361, 5000).stream().map(d -> GradeTable.PLEDGE.grade(d)).toList())
                .containsExactly(FiveLevelGrade.NORMAL, FiveLevelGrade.SPECIAL_MENTION, FiveLevelGrade.SPECIAL_MENTION,
                        FiveLevelGrade.SUBSTANDARD, FiveLevelGrade.SUBSTANDARD);
    }

    @Test
    void refusesRepaymentsOutOfOrderOutsideTheLoanOrNotPositive() {
        ServicingRequest request = new ServicingRequest(smallLoan().build(), ServicingPolicy.standard(),
                repayments("2025-03-01 10;2025-02-01 10;2025-01-14 10;2025-03-02 0;2025-03-02 0.001;2025-05-01 10"),
                LocalDate.parse("2025-04-01"));
        assertThat(servicing.validate(request)).extracting(v -> v.field() + ":" + v.rule()).containsExactly(
                "events[1].date:outOfOrder", "events[2].date:outOfOrder", "events[3].amount:positive",
                "events[4].amount:currencyScale", "events[5].date:afterAsOf");
    }

    @Test
    void refusesAPolicyOutsideItsRanges() {
        ServicingPolicy policy = new ServicingPolicy(new BigDecimal("-1"), 0, -1, false, null);
        ServicingRequest request = new ServicingRequest(smallLoan().build(), policy, List.of(), LocalDate.parse("2025-01-14"));
        assertThat(servicing.validate(request)).extracting(v -> v.field() + ":" + v.rule()).containsExactly(
                "policy.penaltyRateMultiplier:min", "policy.penaltyDaysInYear:positive", "policy.graceDays:min",
                "policy.classification:required", "asOf:beforeDisbursement");
    }

    static LoanPosition position(LoanTerms.Builder terms, ServicingPolicy policy, String repayments, String asOf) {
        Outcome<LoanPosition> outcome = new ServicingCalculator().position(
                new ServicingRequest(terms.build(), policy, repayments(repayments), LocalDate.parse(asOf)));
        assertThat(outcome.violations()).isEmpty();
        return outcome.value();
    }

    /** "2025-02-15 402.00;2025-03-01 10" → repayments. */
    static List<Repayment> repayments(String text) {
        List<Repayment> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String entry : text.split(";")) {
            String[] parts = entry.strip().split("\\s+");
            out.add(new Repayment(LocalDate.parse(parts[0]), new BigDecimal(parts[1])));
        }
        return out;
    }
}
