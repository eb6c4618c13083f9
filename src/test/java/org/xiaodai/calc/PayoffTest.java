package org.xiaodai.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xiaodai.calc.CalcTestUtils.CALCULATOR;
import static org.xiaodai.calc.CalcTestUtils.debx;
import static org.xiaodai.calc.CalcTestUtils.schedule;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Payoff quotes, hand-checked. The base loan is 等额本息 10000.00 at 12 % (1 % a month) over 12
 * months from 2025-01-15: E = 888.49, row 1 = 788.49 + 100.00 (balance 9211.51), row 2 =
 * 796.37 + 92.12 (balance 8415.14).
 */
class PayoffTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                    | accrual    | date       | paid | c | duePrin | dueInt | outstanding | deferred | accrued | total
        mid-period 2: 9211.51 x 1% x 14/28        | PER_PERIOD | 2025-03-01 | 1    | 2 | 0.00    | 0.00   | 9211.51     | 0.00     | 46.06   | 9257.57
        row 1 unpaid is owed in full              | PER_PERIOD | 2025-03-01 | 0    | 2 | 788.49  | 100.00 | 9211.51     | 0.00     | 46.06   | 10146.06
        on a due date that row is owed, no days   | PER_PERIOD | 2025-03-15 | 1    | 3 | 796.37  | 92.12  | 8415.14     | 0.00     | 0.00    | 9303.63
        current installment paid ahead            | PER_PERIOD | 2025-03-01 | 2    | 2 | 0.00    | 0.00   | 8415.14     | 0.00     | 0.00    | 8415.14
        on the disbursement date                  | PER_PERIOD | 2025-01-15 | 0    | 1 | 0.00    | 0.00   | 10000.00    | 0.00     | 0.00    | 10000.00
        daily /365: 10000 x 12% x 17/365          | DAILY      | 2025-02-01 | 0    | 1 | 0.00    | 0.00   | 10000.00    | 0.00     | 55.89   | 10055.89
        """)
    void quotesPrincipalPlusInterestForTheDaysUsed(String name, InterestAccrual accrual, LocalDate date, int paid,
            int current, String duePrincipal, String dueInterest, String outstanding, String deferred,
            String accrued, String total) {
        Schedule s = schedule(debx().interestAccrual(accrual));
        PayoffQuote q = CALCULATOR.payoff(new PayoffRequest(s, date, paid)).value();
        assertThat(q.currentInstallment()).isEqualTo(current);
        assertThat(q.unpaidDuePrincipal()).hasToString(duePrincipal);
        assertThat(q.unpaidDueInterest()).hasToString(dueInterest);
        assertThat(q.outstandingPrincipal()).hasToString(outstanding);
        assertThat(q.deferredInterest()).hasToString(deferred);
        assertThat(q.accruedInterest()).hasToString(accrued);
        assertThat(q.total()).hasToString(total);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                                    | date       | paid | total
        bullet daily: 10000 x 12% x 45/365 = 147.945..            | 2025-03-01 | 0    | 10147.95
        bullet after maturity: 10000 x 12% x 90/365 = 295.890.. | 2025-05-01 | 0    | 10295.89
        """)
    void bulletAccruesSimpleInterestOverCompletedAndCurrentPeriods(String name, LocalDate date, int paid,
            String total) {
        Schedule s = schedule(debx().amortization(Amortization.BULLET).numberOfRepayments(3)
                .interestAccrual(InterestAccrual.DAILY));
        assertThat(CALCULATOR.payoff(new PayoffRequest(s, date, paid)).value().total()).hasToString(total);
    }

    /**
     * The accrued interest is rounded once from the exact rational rate, as the schedule engine
     * rounds its rows: each case is an exact tie x.xx5 that HALF_UP rounds up. A rate cut to 34
     * digits first (0.46/12 = 0.038333…3) makes it 0.114999…, which rounds down: two roundings.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                                     | amortization              | accrual    | year | principal | date       | paid | accrued | total
        bullet: 3.00 x 46%/12 for period 1 = 0.115                 | BULLET                    | PER_PERIOD | 365  | 3.00      | 2025-02-15 | 0    | 0.12    | 3.12
        bullet daily /360: 3.00 x 46% x 30/360 = 0.115             | BULLET                    | DAILY      | 360  | 3.00      | 2025-02-14 | 0    | 0.12    | 3.12
        bullet: 2.00 x 46%/12 x (1 + 14/28) = 0.115                | BULLET                    | PER_PERIOD | 365  | 2.00      | 2025-03-01 | 0    | 0.12    | 2.12
        interest only: 6.00 x 46%/12 x 14/28 = 0.115               | INTEREST_ONLY_THEN_BULLET | PER_PERIOD | 365  | 6.00      | 2025-03-01 | 1    | 0.12    | 6.12
        interest only daily /360: 3.00 x 46% x 30/360 = 0.115      | INTEREST_ONLY_THEN_BULLET | DAILY      | 360  | 3.00      | 2025-02-14 | 0    | 0.12    | 3.12
        """)
    void accruedInterestIsRoundedOnceFromTheExactRate(String name, Amortization amortization, InterestAccrual accrual,
            String year, String principal, LocalDate date, int paid, String accrued, String total) {
        Schedule s = schedule(debx().principal(principal).annualInterestRatePercent("46").numberOfRepayments(3)
                .amortization(amortization).interestAccrual(accrual).daysInYear(DaysInYear.fromCode(year))
                .roundingMode(RoundingRule.HALF_UP));
        PayoffQuote q = CALCULATOR.payoff(new PayoffRequest(s, date, paid)).value();
        assertThat(q.accruedInterest()).hasToString(accrued);
        assertThat(q.total()).hasToString(total);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                                    | date       | paid | deferred | accrued | total
        grace: 2 x 100 deferred + 100 x 17/31                      | 2025-04-01 | 2    | 200.00   | 54.84   | 10254.84
        grace: inside period 2, 1 x 100 deferred + 100 x 14/28     | 2025-03-01 | 1    | 100.00   | 50.00   | 10150.00
        """)
    void deferredInterestIsOwedOnPayoff(String name, LocalDate date, int paid, String deferred, String accrued,
            String total) {
        Schedule s = schedule(debx().numberOfRepayments(9).graceOnPrincipalPeriods(3).graceOnInterestPaymentPeriods(2));
        PayoffQuote q = CALCULATOR.payoff(new PayoffRequest(s, date, paid)).value();
        assertThat(q.deferredInterest()).hasToString(deferred);
        assertThat(q.accruedInterest()).hasToString(accrued);
        assertThat(q.total()).hasToString(total);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                         | date       | paid | field            | rule
        before disbursement            | 2025-01-14 | 0    | date             | beforeDisbursement
        two installments paid ahead    | 2025-02-01 | 2    | installmentsPaid | aheadOfSchedule
        negative paid count            | 2025-02-01 | -1   | installmentsPaid | range
        """)
    void refusesImpossibleRequests(String name, LocalDate date, int paid, String field, String rule) {
        Schedule s = schedule(debx());
        assertThat(CALCULATOR.payoff(new PayoffRequest(s, date, paid)).violations())
                .containsExactly(new Violation(field, rule, CALCULATOR.payoff(new PayoffRequest(s, date, paid))
                        .violations().getFirst().message()));
    }

    @ParameterizedTest(name = "after maturity with {0} paid")
    @CsvSource({"10", "12"})
    void afterMaturityTheUnpaidRowsAreOwed(int paid) {
        Schedule s = schedule(debx());
        PayoffQuote q = CALCULATOR.payoff(new PayoffRequest(s, LocalDate.parse("2026-03-01"), paid)).value();
        assertThat(q.currentInstallment()).isZero();
        java.math.BigDecimal expected = java.math.BigDecimal.ZERO;
        for (int i = paid + 1; i <= 12; i++) {
            expected = expected.add(s.installment(i).total());
        }
        assertThat(q.total()).isEqualByComparingTo(expected);
    }
}
