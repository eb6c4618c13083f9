package org.xiaodai.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.xiaodai.calc.CalcTestUtils.CALCULATOR;
import static org.xiaodai.calc.CalcTestUtils.debx;
import static org.xiaodai.calc.CalcTestUtils.money;
import static org.xiaodai.calc.CalcTestUtils.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.xiaodai.calc.internal.PeriodPlan;

/**
 * Invariants of every schedule the engine accepts: principal sums to P, balances never negative
 * and never rising (flat during principal grace), every total is principal + interest, and
 * refusals are violations, never exceptions.
 *
 * <p>The terms of the invariant properties are valid by construction ({@link #validTerms()}):
 * every combination README §1.1, §5 and §6 defines, and nothing else, so the properties run on
 * (nearly) every try instead of returning early on refused terms. What remains refused is the
 * row check of README §4 (an installment below its interest, e.g. a long first period at a high
 * rate); a coverage check fails the build if that ever exceeds 10 % of the tries.
 */
class SchedulePropertiesTest {

    /** The row violations of README §4: the only refusals valid terms may still meet. */
    static final List<String> ROW_RULES = List.of("principalNegative", "principalExceedsBalance", "interestNegative");

    @Property(tries = 400)
    void everyAcceptedScheduleKeepsTheLedgerInvariants(@ForAll("validTerms") LoanTerms terms) {
        assertThat(CALCULATOR.validate(terms)).as("the generator makes valid terms only").isEmpty();
        Outcome<Schedule> out = CALCULATOR.schedule(terms);
        Statistics.label("schedule").collect(out.isSuccess() ? "computed" : "refused by the row check");
        Statistics.label("schedule").coverage(c -> c.check("computed").percentage(p -> p >= 90.0));
        if (!out.isSuccess()) {
            assertThat(out.violations()).isNotEmpty().allSatisfy(v -> assertThat(ROW_RULES).contains(v.rule()));
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
    void interestGraceDefersButNeverForgives(@ForAll("termsWithInterestGrace") LoanTerms terms) {
        assertThat(CALCULATOR.validate(terms)).as("the generator makes valid terms only").isEmpty();
        LoanTerms noDeferral = terms.toBuilder().graceOnInterestPaymentPeriods(0).build();
        Outcome<Schedule> deferred = CALCULATOR.schedule(terms);
        Outcome<Schedule> paid = CALCULATOR.schedule(noDeferral);
        boolean both = deferred.isSuccess() && paid.isSuccess();
        Statistics.label("schedules").collect(both ? "both computed" : "refused by the row check");
        Statistics.label("schedules").coverage(c -> c.check("both computed").percentage(p -> p >= 90.0));
        if (both) {
            assertThat(deferred.value().totalInterest()).isEqualTo(paid.value().totalInterest());
        }
    }

    /** Over terms far outside the spec too: a refusal is a list of violations, never an exception. */
    @Property(tries = 200)
    void refusalsAreViolationsNeverExceptions(@ForAll("anyTerms") LoanTerms terms) {
        assertThatCode(() -> {
            Outcome<Schedule> out = CALCULATOR.schedule(terms);
            Statistics.label("schedule").collect(out.isSuccess() ? "computed" : "refused");
            if (!out.isSuccess()) {
                assertThat(out.violations()).isNotEmpty();
            }
        }).doesNotThrowAnyException();
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

    /**
     * The interest method, amortization, number of repayments and grace of a loan.
     *
     * @param principalGrace g_p, less than n
     * @param interestGrace g_i: 0, or less than g_p
     */
    record Shape(InterestMethod method, Amortization amortization, int repayments, int principalGrace,
            int interestGrace) {
    }

    /** Every shape README §5 and §6 define: FLAT only with equal installments and no interest grace, etc. */
    @Provide
    Arbitrary<LoanTerms> validTerms() {
        Arbitrary<Shape> shapes = Arbitraries.of(InterestMethod.class).flatMap(method -> {
            Arbitrary<Amortization> amortizations = method == InterestMethod.FLAT
                    ? Arbitraries.just(Amortization.EQUAL_INSTALLMENTS) : Arbitraries.of(Amortization.class);
            return amortizations.flatMap(amortization -> Arbitraries.integers().between(1, 60).flatMap(n -> {
                boolean installments = amortization == Amortization.EQUAL_INSTALLMENTS
                        || amortization == Amortization.EQUAL_PRINCIPAL;
                int maxPrincipalGrace = installments ? Math.min(3, n - 1) : 0;
                return Arbitraries.integers().between(0, maxPrincipalGrace).flatMap(gp -> {
                    int maxInterestGrace = method == InterestMethod.FLAT ? 0 : Math.max(0, gp - 1);
                    return Arbitraries.integers().between(0, maxInterestGrace)
                            .map(gi -> new Shape(method, amortization, n, gp, gi));
                });
            }));
        });
        return terms(shapes, true);
    }

    /** Declining-balance installments with 1 ≤ g_i &lt; g_p: every try exercises the deferral. */
    @Provide
    Arbitrary<LoanTerms> termsWithInterestGrace() {
        Arbitrary<Shape> shapes = Arbitraries.of(Amortization.EQUAL_INSTALLMENTS, Amortization.EQUAL_PRINCIPAL)
                .flatMap(amortization -> Arbitraries.integers().between(3, 60).flatMap(n ->
                        Arbitraries.integers().between(2, Math.min(3, n - 1)).flatMap(gp ->
                                Arbitraries.integers().between(1, gp - 1).map(gi ->
                                        new Shape(InterestMethod.DECLINING_BALANCE, amortization, n, gp, gi)))));
        return terms(shapes, true);
    }

    /** Any combination of the enumerations and graces, most of them outside the spec. */
    @Provide
    Arbitrary<LoanTerms> anyTerms() {
        Arbitrary<Shape> shapes = Combinators.combine(Arbitraries.of(InterestMethod.class),
                Arbitraries.of(Amortization.class), Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2)).as(Shape::new);
        return terms(shapes, false);
    }

    /**
     * Terms of the given shapes with every other field drawn freely. With {@code valid}, 30-day
     * months are not combined with DAILY accrual, monthly periods and ACTUAL days in year (README
     * §2.2), and the principal is at least one currency unit per period: below that round(P/n)
     * can repay more than the balance, which README §4 leaves outside the spec.
     */
    private static Arbitrary<LoanTerms> terms(Arbitrary<Shape> shapes, boolean valid) {
        Arbitrary<LoanTerms.Builder> base = shapes.flatMap(shape -> Combinators.combine(
                Arbitraries.longs().between(valid ? 100L * shape.repayments() : 1, 1_000_000_000_000L)
                        .map(c -> BigDecimal.valueOf(c, 2)),
                Arbitraries.integers().between(0, 3600).map(r -> BigDecimal.valueOf(r, 2)),
                Arbitraries.of(InterestAccrual.class),
                Arbitraries.of(InstallmentBasis.class),
                Arbitraries.of(RepaymentFrequency.class),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(RoundingRule.class))
                .as((p, rate, accrual, basis, frequency, every, rounding) -> LoanTerms.builder()
                        .principal(p).annualInterestRatePercent(rate).numberOfRepayments(shape.repayments())
                        .amortization(shape.amortization()).interestMethod(shape.method()).interestAccrual(accrual)
                        .installmentBasis(basis).repaymentFrequency(frequency).repaymentEvery(every)
                        .graceOnPrincipalPeriods(shape.principalGrace())
                        .graceOnInterestPaymentPeriods(shape.interestGrace()).roundingMode(rounding)));
        return Combinators.combine(base,
                Arbitraries.of(DaysInYear.class),
                Arbitraries.of(DaysInMonth.class),
                Arbitraries.integers().between(-40, 25))
                .as((b, year, month, offset) -> {
                    LoanTerms draft = b.firstRepaymentDate(LocalDate.of(2024, 1, 31)).build();
                    boolean undefined30DayMonth = draft.interestAccrual() == InterestAccrual.DAILY
                            && draft.repaymentFrequency() == RepaymentFrequency.MONTHS && year == DaysInYear.ACTUAL;
                    return b.daysInYear(year)
                            .daysInMonth(valid && undefined30DayMonth ? DaysInMonth.ACTUAL : month)
                            .disbursementDate(disbursement(draft, offset)).build();
                });
    }

    /** D0 = N + offset days, kept before F: short, regular and long first periods. */
    private static LocalDate disbursement(LoanTerms draft, int offset) {
        LocalDate nominalStart = PeriodPlan.shift(draft, draft.firstRepaymentDate(), -1);
        LocalDate d0 = nominalStart.plusDays(Math.max(offset, 1 - draft.repaymentEvery()));
        return d0.isBefore(draft.firstRepaymentDate()) ? d0 : draft.firstRepaymentDate().minusDays(1);
    }
}
