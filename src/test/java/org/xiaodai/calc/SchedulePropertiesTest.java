package org.xiaodai.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xiaodai.calc.CalcTestUtils.CALCULATOR;
import static org.xiaodai.calc.CalcTestUtils.debx;
import static org.xiaodai.calc.CalcTestUtils.money;
import static org.xiaodai.calc.CalcTestUtils.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * Invariants of every schedule the engine accepts: principal sums to P, balances never negative
 * and never rising (flat during principal grace), every total is principal + interest, and
 * refusals are violations, never exceptions.
 */
class SchedulePropertiesTest {

    @Property(tries = 400)
    void everyAcceptedScheduleKeepsTheLedgerInvariants(@ForAll("terms") LoanTerms terms) {
        Outcome<Schedule> out = CALCULATOR.schedule(terms);
        if (!out.isSuccess()) {
            assertThat(out.violations()).isNotEmpty();
            return;
        }
        Schedule s = out.value();
        BigDecimal principal = terms.principal().setScale(terms.currencyDigits());
        BigDecimal balance = principal;
        BigDecimal principalSum = BigDecimal.ZERO;
        BigDecimal interestSum = BigDecimal.ZERO;
        assertThat(s.size()).isEqualTo(terms.numberOfRepayments());
        for (Installment row : s.installments()) {
            assertThat(row.total()).isEqualTo(row.principal().add(row.interest()));
            assertThat(row.balanceAfter()).isEqualTo(balance.subtract(row.principal()));
            assertThat(row.balanceAfter().signum()).isGreaterThanOrEqualTo(0);
            assertThat(row.balanceAfter()).isLessThanOrEqualTo(balance);
            assertThat(row.interest().signum()).isGreaterThanOrEqualTo(0);
            assertThat(row.principal().scale()).isEqualTo(terms.currencyDigits());
            if (row.n() <= terms.graceOnPrincipalPeriods()) {
                assertThat(row.balanceAfter()).isEqualTo(principal);
            }
            balance = row.balanceAfter();
            principalSum = principalSum.add(row.principal());
            interestSum = interestSum.add(row.interest());
        }
        assertThat(principalSum).isEqualTo(principal);
        assertThat(balance.signum()).isZero();
        assertThat(s.totalInterest()).isEqualTo(interestSum);
        assertThat(s.totalRepayment()).isEqualTo(principal.add(interestSum));
    }

    @Property(tries = 100)
    void interestGraceDefersButNeverForgives(@ForAll("terms") LoanTerms terms) {
        if (terms.graceOnInterestPaymentPeriods() == 0 || !CALCULATOR.validate(terms).isEmpty()) {
            return;
        }
        LoanTerms noDeferral = terms.toBuilder().graceOnInterestPaymentPeriods(0).build();
        Outcome<Schedule> deferred = CALCULATOR.schedule(terms);
        Outcome<Schedule> paid = CALCULATOR.schedule(noDeferral);
        if (deferred.isSuccess() && paid.isSuccess()) {
            assertThat(deferred.value().totalInterest()).isEqualTo(paid.value().totalInterest());
        }
    }

    @Example
    void zeroRateRepaysExactlyThePrincipal() {
        Schedule s = schedule(debx().principal("10000000000.00").annualInterestRatePercent("0").numberOfRepayments(360));
        assertThat(s.installmentAmount()).contains(money("27777777.78"));
        assertThat(s.totalInterest()).hasToString("0.00");
        assertThat(s.installment(360).principal()).hasToString("27777776.98");
        assertThat(s.totalInterestExact()).contains(money("0.00"));
    }

    @Example
    void tenBillionOver360MonthsIsExactToTheCent() {
        // figures from the independent Python reference at 34 digits
        Schedule s = schedule(debx().principal("10000000000.00").annualInterestRatePercent("4.35").numberOfRepayments(360));
        assertThat(s.installmentAmount()).contains(money("49781179.27"));
        assertThat(s.totalInterest()).hasToString("7921224538.48");
        assertThat(s.totalInterestExact()).contains(money("7921224537.79"));
        assertThat(s.totalRepaymentFromRoundedInstallment()).contains(money("17921224537.20"));
        assertThat(s.installment(360).principal()).hasToString("49601375.56");
        assertThat(s.installment(360).interest()).hasToString("179804.99");
    }

    @Example
    void onePeriodRepaysEverythingAtOnce() {
        Schedule s = schedule(debx().numberOfRepayments(1));
        assertThat(s.installment(1).principal()).hasToString("10000.00");
        assertThat(s.installment(1).interest()).hasToString("100.00");
        assertThat(s.installmentAmount()).contains(money("10100.00"));
    }

    @Provide
    Arbitrary<LoanTerms> terms() {
        Arbitrary<LoanTerms.Builder> base = Combinators.combine(
                Arbitraries.longs().between(1, 1_000_000_000_000L).map(c -> BigDecimal.valueOf(c, 2)),
                Arbitraries.integers().between(0, 3600).map(r -> BigDecimal.valueOf(r, 2)),
                Arbitraries.integers().between(1, 60),
                Arbitraries.of(Amortization.class),
                Arbitraries.of(InterestMethod.class),
                Arbitraries.of(InterestAccrual.class),
                Arbitraries.of(InstallmentBasis.class),
                Arbitraries.of(RepaymentFrequency.class))
                .as((p, rate, n, amortization, method, accrual, basis, frequency) -> LoanTerms.builder()
                        .principal(p).annualInterestRatePercent(rate).numberOfRepayments(n)
                        .amortization(amortization).interestMethod(method).interestAccrual(accrual)
                        .installmentBasis(basis).repaymentFrequency(frequency));
        return Combinators.combine(base,
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(DaysInYear.class),
                Arbitraries.of(DaysInMonth.class),
                Arbitraries.integers().between(-40, 25),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(RoundingRule.class))
                .as((b, every, year, month, offset, principalGrace, interestGrace, rounding) -> {
                    LoanTerms draft = b.repaymentEvery(every).firstRepaymentDate(LocalDate.of(2024, 1, 31)).build();
                    LocalDate nominalStart = org.xiaodai.calc.internal.PeriodPlan.shift(draft,
                            draft.firstRepaymentDate(), -1);
                    LocalDate d0 = nominalStart.plusDays(Math.max(offset, 1 - every));
                    if (!d0.isBefore(draft.firstRepaymentDate())) {
                        d0 = draft.firstRepaymentDate().minusDays(1);
                    }
                    return b.daysInYear(year).daysInMonth(month).disbursementDate(d0)
                            .graceOnPrincipalPeriods(principalGrace).graceOnInterestPaymentPeriods(interestGrace)
                            .roundingMode(rounding).build();
                });
    }
}
