package org.xiaodai.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the servicing engine over random loans (等额本息 and 等额本金, monthly and weekly,
 * HALF_UP and HALF_EVEN), policies (every option) and repayments (several a day, before, on and
 * long after due dates).
 */
class ServicingPropertiesTest {

    private static final ServicingCalculator SERVICING = new ServicingCalculator();
    private static final LocalDate DISBURSED = LocalDate.of(2025, 1, 15);

    /** A random case: the request plus the loan's maturity. */
    record Case(ServicingRequest request, LocalDate maturity) {
        Case withRepayments(List<Repayment> repayments, LocalDate asOf) {
            return new Case(new ServicingRequest(request.terms(), request.policy(), repayments, asOf), maturity);
        }

        Case withPolicy(ServicingPolicy policy) {
            return new Case(new ServicingRequest(request.terms(), policy, request.repayments(), request.asOf()), maturity);
        }

        LoanPosition position() {
            Outcome<LoanPosition> outcome = SERVICING.position(request);
            assertThat(outcome.violations()).as("%s", request).isEmpty();
            return outcome.value();
        }
    }

    @Property(tries = 300)
    void everyPaymentIsAllocatedToTheCent(@ForAll("cases") Case c) {
        LoanPosition p = c.position();
        assertThat(p.allocations()).hasSameSizeAs(c.request().repayments());
        for (int i = 0; i < p.allocations().size(); i++) {
            RepaymentAllocation a = p.allocations().get(i);
            assertThat(a.total()).isEqualByComparingTo(c.request().repayments().get(i).amount());
            assertThat(List.of(a.penalty(), a.interest(), a.principal(), a.toCredit())).allSatisfy(x -> {
                assertThat(x.signum()).isGreaterThanOrEqualTo(0);
                assertThat(x.scale()).isEqualTo(2);
            });
        }
    }

    @Property(tries = 300)
    void principalOutstandingPlusPrincipalPaidIsThePrincipal(@ForAll("cases") Case c) {
        LoanPosition p = c.position();
        BigDecimal paid = p.installments().stream().map(InstallmentPosition::paidPrincipal).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(p.principalOutstanding().add(paid)).isEqualByComparingTo(c.request().terms().principal());
        assertThat(p.credit().signum()).isGreaterThanOrEqualTo(0);
        assertThat(p.installments()).allSatisfy(i -> {
            assertThat(i.paidPenalty()).isLessThanOrEqualTo(i.penaltyCharged());
            assertThat(i.unpaidPrincipal().signum()).isGreaterThanOrEqualTo(0);
            assertThat(i.unpaidInterest().signum()).isGreaterThanOrEqualTo(0);
        });
    }

    @Property(tries = 200)
    void payingEverythingOwedAfterMaturityPaysTheLoanOff(@ForAll("cases") Case c) {
        LocalDate day = c.request().asOf().isBefore(c.maturity()) ? c.maturity().plusDays(3) : c.request().asOf();
        LoanPosition before = c.withRepayments(c.request().repayments(), day).position();
        BigDecimal owed = before.penaltyOutstanding();
        for (InstallmentPosition i : before.installments()) {
            owed = owed.add(i.unpaidPrincipal()).add(i.unpaidInterest());
        }
        List<Repayment> repayments = new ArrayList<>(c.request().repayments());
        if (owed.signum() > 0) {
            repayments.add(new Repayment(day, owed));
        }
        LoanPosition after = c.withRepayments(repayments, day).position();
        assertThat(after.status()).isEqualTo(LoanStatus.PAID_OFF);
        assertThat(after.credit()).isEqualByComparingTo(before.credit());
        assertThat(after.daysPastDue()).isZero();
        assertThat(after.grade()).isEqualTo(FiveLevelGrade.NORMAL);
    }

    @Property(tries = 200)
    void penaltyChargedNeverDecreasesWithTime(@ForAll("cases") Case c, @ForAll("laterDays") int later) {
        LoanPosition now = c.position();
        LoanPosition then = c.withRepayments(c.request().repayments(), c.request().asOf().plusDays(later)).position();
        for (int i = 0; i < now.installments().size(); i++) {
            assertThat(then.installments().get(i).penaltyCharged())
                    .isGreaterThanOrEqualTo(now.installments().get(i).penaltyCharged());
        }
        assertThat(then.daysPastDue()).isIn(0L, now.daysPastDue() == 0 ? then.daysPastDue() : now.daysPastDue() + later);
    }

    @Property(tries = 200)
    void graceForgivesMoneyNotDays(@ForAll("cases") Case c, @ForAll("graces") int grace) {
        ServicingPolicy p = c.request().policy();
        Case withoutGrace = c.withPolicy(new ServicingPolicy(p.penaltyRateMultiplier(), p.penaltyDaysInYear(), 0,
                p.compoundOverdueInterest(), p.classification()));
        Case withGrace = c.withPolicy(new ServicingPolicy(p.penaltyRateMultiplier(), p.penaltyDaysInYear(), grace,
                p.compoundOverdueInterest(), p.classification()));
        LoanPosition strict = withoutGrace.position();
        LoanPosition lenient = withGrace.position();
        // Less penalty leaves more of each payment for principal and interest, never less: so grace can only
        // shorten lateness through what was paid, never by itself.
        assertThat(lenient.daysPastDue()).isLessThanOrEqualTo(strict.daysPastDue());
        LoanPosition unpaidStrict = withoutGrace.withRepayments(List.of(), c.request().asOf()).position();
        LoanPosition unpaidLenient = withGrace.withRepayments(List.of(), c.request().asOf()).position();
        assertThat(unpaidLenient.daysPastDue()).isEqualTo(unpaidStrict.daysPastDue());
        assertThat(unpaidLenient.penaltyOutstanding()).isLessThanOrEqualTo(unpaidStrict.penaltyOutstanding());
    }

    /** End of day reads a loan as of D and D + 1 with one replay: the same as two positions, to the cent. */
    @Property(tries = 400)
    void twoDatesFromOneReplayEqualTwoPositions(@ForAll("cases") Case c, @ForAll("laterDays") int later,
                                                @ForAll boolean refund) {
        ServicingRequest r = c.request();
        Schedule schedule = CalcTestUtils.CALCULATOR.schedule(r.terms()).value();
        LocalDate day = r.asOf().minusDays(later % 3).isBefore(DISBURSED) ? DISBURSED : r.asOf().minusDays(later % 3);
        LocalDate next = later % 2 == 0 ? day.plusDays(1) : day.plusDays(later);
        LocalDate until = next;
        List<Repayment> repayments = r.repayments().stream().filter(x -> !x.date().isAfter(until)).toList();
        List<Repayment> refunds = refund && !repayments.isEmpty()
                ? List.of(new Repayment(repayments.getLast().date(), new BigDecimal("3.00"))) : List.of();
        Outcome<List<LoanPosition>> outcome = SERVICING.positions(schedule, r.policy(), repayments, refunds, day, next);
        assertThat(outcome.violations()).isEmpty();
        List<LoanPosition> both = outcome.value();
        for (int k = 0; k < 2; k++) {
            LocalDate asOf = k == 0 ? day : next;
            List<Repayment> upTo = repayments.stream().filter(x -> !x.date().isAfter(asOf)).toList();
            List<Repayment> refundsUpTo = refunds.stream().filter(x -> !x.date().isAfter(asOf)).toList();
            LoanPosition alone = SERVICING.position(schedule, r.policy(), upTo, refundsUpTo, asOf).value();
            assertThat(both.get(k)).as("as of %s", asOf).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(alone);
        }
    }

    @Provide
    Arbitrary<Integer> laterDays() {
        return Arbitraries.integers().between(1, 400);
    }

    @Provide
    Arbitrary<Integer> graces() {
        return Arbitraries.integers().between(1, 15);
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(terms(), policies(), Arbitraries.integers().between(0, 8),
                Arbitraries.longs().between(1, 1_000_000_000L)).flatAs((terms, policy, count, seed) -> {
            Schedule schedule = CalcTestUtils.CALCULATOR.schedule(terms).value();
            LocalDate maturity = schedule.installment(schedule.size()).dueDate();
            int span = (int) java.time.temporal.ChronoUnit.DAYS.between(DISBURSED, maturity) + 200;
            BigDecimal installment = schedule.installment(1).total();
            Arbitrary<Repayment> repayment = Combinators.combine(Arbitraries.integers().between(0, span),
                    Arbitraries.frequencyOf(
                            net.jqwik.api.Tuple.of(3, Arbitraries.just(installment)),
                            net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, installment.movePointRight(2).longValueExact() * 2)
                                    .map(cents -> BigDecimal.valueOf(cents, 2)))))
                    .as((day, amount) -> new Repayment(DISBURSED.plusDays(day), amount));
            return repayment.list().ofSize(count).flatMap(list -> {
                List<Repayment> sorted = list.stream().sorted(Comparator.comparing(Repayment::date)).toList();
                LocalDate last = sorted.isEmpty() ? DISBURSED : sorted.get(sorted.size() - 1).date();
                return Arbitraries.integers().between(0, 120).map(extra ->
                        new Case(new ServicingRequest(terms, policy, sorted, last.plusDays(extra)), maturity));
            });
        });
    }

    private static Arbitrary<LoanTerms> terms() {
        return Combinators.combine(Arbitraries.longs().between(100_00, 50_000_00),
                        Arbitraries.of("0", "7.2", "12", "18", "23.99", "36"),
                        Arbitraries.integers().between(1, 24),
                        Arbitraries.of(Amortization.EQUAL_INSTALLMENTS, Amortization.EQUAL_PRINCIPAL),
                        Arbitraries.of(RepaymentFrequency.MONTHS, RepaymentFrequency.WEEKS),
                        Arbitraries.of(RoundingRule.class),
                        Arbitraries.of(DaysInYear.DAYS_360, DaysInYear.DAYS_365))
                .as((cents, rate, n, amortization, frequency, rounding, year) -> LoanTerms.builder()
                        .principal(BigDecimal.valueOf(cents, 2)).annualInterestRatePercent(rate).numberOfRepayments(n)
                        .amortization(amortization).repaymentFrequency(frequency).roundingMode(rounding).daysInYear(year)
                        .disbursementDate(DISBURSED)
                        .firstRepaymentDate(frequency == RepaymentFrequency.MONTHS ? DISBURSED.plusMonths(1) : DISBURSED.plusWeeks(1))
                        .build());
    }

    private static Arbitrary<ServicingPolicy> policies() {
        return Combinators.combine(Arbitraries.of("1.3", "1.5", "1"), Arbitraries.of(360, 365),
                        Arbitraries.of(0, 0, 3, 7), Arbitraries.of(true, false), Arbitraries.of(GradeTable.class))
                .as((m, y, g, compound, table) -> new ServicingPolicy(new BigDecimal(m), y, g, compound, table));
    }
}
