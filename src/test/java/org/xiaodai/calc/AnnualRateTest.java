package org.xiaodai.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xiaodai.calc.CalcTestUtils.CALCULATOR;
import static org.xiaodai.calc.CalcTestUtils.debx;
import static org.xiaodai.calc.CalcTestUtils.money;
import static org.xiaodai.calc.CalcTestUtils.schedule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnualRateTest {

    @Test
    void equalInstallmentsAtTenPercentDiscloseTenPercent() {
        Schedule s = schedule(debx().annualInterestRatePercent("10"));
        AnnualRate rate = CALCULATOR.annualRate(s, List.of()).value();
        assertThat(rate.aprPercent(2)).isEqualByComparingTo("10.00");
        assertThat(rate.periodsPerYear()).isEqualByComparingTo("12");
        assertThat(rate.effectivePercent(2)).isEqualByComparingTo("10.47");
    }

    @Test
    void flatOnePercentAMonthIsAnAprOf21Point46() {
        Schedule s = schedule(debx().interestMethod(InterestMethod.FLAT));
        assertThat(s.installment(1).total()).isEqualByComparingTo("933.33");
        AnnualRate rate = CALCULATOR.annualRate(s, List.of()).value();
        assertThat(rate.aprPercent(2)).isEqualByComparingTo("21.46");
        assertThat(rate.effectivePercent(2)).isEqualByComparingTo("23.70");
    }

    @Test
    void cashFlowsOfAFlatLoanGiveTheSameRate() {
        List<BigDecimal> flows = new ArrayList<>(List.of(money("-10000")));
        for (int i = 0; i < 11; i++) {
            flows.add(money("933.33"));
        }
        flows.add(money("933.37"));
        AnnualRate rate = CALCULATOR.annualRate(flows, BigDecimal.valueOf(12)).value();
        assertThat(rate.annualPercentageRate().movePointRight(2)).isBetween(money("21.4571187"), money("21.4571188"));
    }

    @Test
    void anUpFrontFeeRaisesTheRateAsIfDeductedFromWhatTheBorrowerReceives() {
        Schedule s = schedule(debx());
        AnnualRate none = CALCULATOR.annualRate(s, List.of()).value();
        AnnualRate withFee = CALCULATOR.annualRate(s, List.of(Fee.upfront(money("200.00")))).value();
        assertThat(none.aprPercent(2)).isEqualByComparingTo("12.00");
        assertThat(withFee.annualPercentageRate()).isGreaterThan(none.annualPercentageRate());
        List<BigDecimal> flows = new ArrayList<>(List.of(money("-9800.00")));
        s.installments().forEach(row -> flows.add(row.total()));
        assertThat(CALCULATOR.annualRate(flows, BigDecimal.valueOf(12)).value().periodicRate())
                .isEqualByComparingTo(withFee.periodicRate());
    }

    @Test
    void aFeeWithEveryInstallmentCountsInEveryPeriod() {
        Schedule s = schedule(debx().annualInterestRatePercent("0"));
        AnnualRate rate = CALCULATOR.annualRate(s, List.of(Fee.eachInstallment(money("50.00")))).value();
        // 0 % interest, 50 a month on 10000 over 12 months: the same as an IRR of 883.33../month
        assertThat(rate.aprPercent(2)).isEqualByComparingTo("10.90");
    }

    @Test
    void zeroInterestWithoutFeesIsZero() {
        Schedule s = schedule(debx().annualInterestRatePercent("0"));
        assertThat(CALCULATOR.annualRate(s, List.of()).value().aprPercent(4)).isEqualByComparingTo("0");
    }

    @Test
    void fifteenDayPeriodsUseFractionalPeriodsPerYear() {
        Schedule s = schedule(debx().repaymentFrequency(RepaymentFrequency.DAYS).repaymentEvery(15)
                .daysInYear(DaysInYear.DAYS_365).firstRepaymentDate("2025-01-30"));
        AnnualRate rate = CALCULATOR.annualRate(s, List.of()).value();
        assertThat(rate.periodsPerYear().setScale(6, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("24.333333");
        assertThat(rate.aprPercent(2)).isEqualByComparingTo("12.00");
        // (1 + 0.12/24.333..)^24.333.. − 1 = 12.7164.. % (python3: ((1+0.12*15/365)**(365/15)-1)*100)
        assertThat(rate.effectivePercent(2)).isEqualByComparingTo("12.72");
        double periodic = rate.periodicRate().doubleValue();
        double expected = Math.pow(1 + periodic, 365.0 / 15) - 1;
        assertThat(rate.effectiveAnnualRate().doubleValue()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-14));
    }

    @Test
    void refusesFeesThatSwallowThePrincipalOrMissTheSchedule() {
        Schedule s = schedule(debx());
        assertThat(CALCULATOR.annualRate(s, List.of(Fee.upfront(money("10000.00")))).violations())
                .extracting(Violation::rule).containsExactly("exceedsPrincipal");
        assertThat(CALCULATOR.annualRate(s, List.of(Fee.onInstallment(13, money("1")))).violations())
                .extracting(Violation::rule).containsExactly("installment");
        assertThat(CALCULATOR.annualRate(s, List.of(Fee.upfront(money("-1")))).violations())
                .extracting(Violation::rule).contains("min");
    }

    @Test
    void cashFlowsWithoutARateAreRefusedNotLoopedOn() {
        List<BigDecimal> flows = List.of(money("-100"), money("-5"), money("-5"));
        assertThat(CALCULATOR.annualRate(flows, BigDecimal.valueOf(12)).violations())
                .extracting(Violation::rule).containsExactly("noRate");
        assertThat(CALCULATOR.annualRate(List.of(money("100"), money("5")), BigDecimal.ONE).violations())
                .extracting(Violation::rule).containsExactly("shape");
    }
}
