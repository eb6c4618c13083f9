package org.xiaodai.supervision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.approval.ApprovalTimes;
import org.xiaodai.customer.RelatedParties;
import org.xiaodai.ledger.Ledger;
import org.xiaodai.product.RateBenchmarks;
import org.xiaodai.servicing.AccountRole;
import org.xiaodai.servicing.LoanPortfolio;
import org.xiaodai.servicing.LoanPortfolio.BookFigures;
import org.xiaodai.servicing.LoanPortfolio.BorrowerBalance;
import org.xiaodai.supervision.Licence;

import static org.xiaodai.supervision.SupervisoryIndicators.*;

/**
 * Computes an institution's supervisory indicators for one business date from servicing, the
 * ledger, approval, customers' related parties, the registry and complaints — a handful of
 * aggregate queries, whatever the size of the book — and stores them in {@code supervision_indicator}
 * (one row per indicator and date; computing a date again replaces its rows). Runs inside the
 * institution's tenant wall. Flow indicators (approval and disbursement hours, complaint rate) look
 * at the 30 days up to and including the date.
 */
@Component
class IndicatorCalculator {

    static final int WINDOW_DAYS = 30;
    private static final int SCALE = 6;

    private final LoanPortfolio portfolio;
    private final RelatedParties related;
    private final Ledger ledger;
    private final ApprovalTimes approvals;
    private final RateBenchmarks benchmarks;
    private final RegistryStore registry;
    private final JdbcClient jdbc;
    private final Clock clock;

    IndicatorCalculator(LoanPortfolio portfolio, RelatedParties related, Ledger ledger, ApprovalTimes approvals,
                        RateBenchmarks benchmarks, RegistryStore registry, JdbcClient jdbc, Clock clock) {
        this.portfolio = portfolio;
        this.related = related;
        this.ledger = ledger;
        this.approvals = approvals;
        this.benchmarks = benchmarks;
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One stored indicator: {@code value} = {@code numerator} / {@code denominator} (× 1,000 for the
     * complaint rate), null when the denominator is zero or unknown; amounts and counts carry only a value.
     */
    record Value(String indicator, @Nullable BigDecimal value, @Nullable BigDecimal numerator,
                 @Nullable BigDecimal denominator) {
    }

    /** Computes and stores the indicators of {@code asOf}; returns how many were stored. */
    int computeAndStore(UUID institutionId, LocalDate asOf) {
        List<Value> values = compute(institutionId, asOf);
        store(institutionId, asOf, values);
        return values.size();
    }

    List<Value> compute(UUID institutionId, LocalDate asOf) {
        List<Value> out = new ArrayList<>();
        BigDecimal netAssets = registry.inEffect(institutionId, asOf).map(Licence::netAssets)
                .filter(n -> n.signum() > 0).orElse(null);
        List<LoanPortfolio.Benchmark> rateCaps = benchmarks.history().stream()
                .map(b -> new LoanPortfolio.Benchmark(b.effectiveFrom(), b.percent())).toList();
        BookFigures book = portfolio.book(institutionId, asOf, rateCaps);
        exposures(institutionId, asOf, netAssets, out);
        registry.inEffect(institutionId, asOf).ifPresent(l -> {
            out.add(ratio(LEVERAGE_LOANS, l.bankLoans().add(l.shareholderLoans()), netAssets));
            out.add(ratio(LEVERAGE_BONDS, l.bonds().add(l.assetBacked()), netAssets));
        });
        BigDecimal principal = book.principal();
        out.add(ratio(NPL_RATIO, book.nonPerformingPrincipal(), principal));
        out.add(ratio(PROVISION_COVERAGE, provisionHeld(institutionId, asOf), book.nonPerformingPrincipal()));
        out.add(ratio(OVERDUE_RATE, book.overduePrincipal(), principal));
        out.add(ratio(OVERDUE_RATE_1_30, book.overdueByBucket().get("1-30"), principal));
        out.add(ratio(OVERDUE_RATE_31_60, book.overdueByBucket().get("31-60"), principal));
        out.add(ratio(OVERDUE_RATE_61_90, book.overdueByBucket().get("61-90"), principal));
        out.add(ratio(OVERDUE_RATE_91_180, book.overdueByBucket().get("91-180"), principal));
        out.add(ratio(OVERDUE_RATE_181_PLUS, book.overdueByBucket().get("181+"), principal));
        out.add(ratio(ABOVE_RATE_BENCHMARK, BigDecimal.valueOf(book.aboveBenchmarkLoans()), BigDecimal.valueOf(book.loans())));
        Instant from = asOf.minusDays(WINDOW_DAYS - 1L).atStartOfDay(clock.getZone()).toInstant();
        Instant to = asOf.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        ApprovalTimes.Decided decided = approvals.decided(institutionId, from, to);
        out.add(ratio(APPROVAL_HOURS, decided.hours(), BigDecimal.valueOf(decided.cases())));
        LoanPortfolio.Durations paidOut = portfolio.disbursementTimes(institutionId, from, to);
        out.add(ratio(DISBURSEMENT_HOURS, paidOut.hours(), BigDecimal.valueOf(paidOut.count())));
        long complaints = jdbc.sql("select count(*) from supervision_complaint where institution_id = ? and filed_on between ? and ?")
                .params(institutionId, Date.valueOf(asOf.minusDays(WINDOW_DAYS - 1L)), Date.valueOf(asOf))
                .query(Long.class).single();
        Value perLoan = ratio(COMPLAINT_RATE, BigDecimal.valueOf(complaints), BigDecimal.valueOf(book.loans()));
        out.add(new Value(COMPLAINT_RATE, perLoan.value() == null ? null
                : BigDecimal.valueOf(complaints * 1000L).divide(BigDecimal.valueOf(book.loans()), SCALE, RoundingMode.HALF_UP),
                perLoan.numerator(), perLoan.denominator()));
        out.add(new Value(LOAN_BALANCE, principal, principal, null));
        out.add(new Value(LOAN_COUNT, BigDecimal.valueOf(book.loans()), BigDecimal.valueOf(book.loans()), null));
        return out;
    }

    /** Top borrower, top ten, and the largest borrower together with its related parties that are customers. */
    private void exposures(UUID institutionId, LocalDate asOf, @Nullable BigDecimal netAssets, List<Value> out) {
        List<BorrowerBalance> top = portfolio.largestBorrowers(institutionId, asOf, 10);
        BigDecimal largest = top.isEmpty() ? BigDecimal.ZERO : top.getFirst().principal();
        BigDecimal topTen = top.stream().map(BorrowerBalance::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
        out.add(ratio(TOP_BORROWER_EXPOSURE, largest, netAssets));
        out.add(ratio(TOP10_BORROWER_EXPOSURE, topTen, netAssets));
        Map<UUID, Set<UUID>> groups = new HashMap<>();
        for (RelatedParties.Link link : related.links(institutionId)) {
            groups.computeIfAbsent(link.customerId(), k -> new HashSet<>()).add(link.relatedCustomerId());
            groups.computeIfAbsent(link.relatedCustomerId(), k -> new HashSet<>()).add(link.customerId());
        }
        BigDecimal group = largest;
        if (!groups.isEmpty()) {
            Set<UUID> everyone = new HashSet<>(groups.keySet());
            groups.values().forEach(everyone::addAll);
            Map<UUID, BigDecimal> balances = portfolio.balancesOf(institutionId, asOf, everyone);
            for (Map.Entry<UUID, Set<UUID>> g : groups.entrySet()) {
                BigDecimal sum = balances.getOrDefault(g.getKey(), BigDecimal.ZERO);
                for (UUID r : g.getValue()) {
                    sum = sum.add(balances.getOrDefault(r, BigDecimal.ZERO));
                }
                group = group.max(sum);
            }
        }
        out.add(ratio(RELATED_PARTY_EXPOSURE, group, netAssets));
    }

    private BigDecimal provisionHeld(UUID institutionId, LocalDate asOf) {
        return ledger.trialBalance(institutionId, asOf).accounts().stream()
                .filter(a -> AccountRole.LOAN_LOSS_PROVISION.name().equals(a.role()))
                .map(Ledger.AccountLine::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Value ratio(String indicator, BigDecimal numerator, @Nullable BigDecimal denominator) {
        BigDecimal value = denominator == null || denominator.signum() == 0 ? null
                : numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
        return new Value(indicator, value, numerator, denominator);
    }

    private void store(UUID institutionId, LocalDate asOf, List<Value> values) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("delete from supervision_indicator where institution_id = ? and as_of = ?")
                .params(institutionId, Date.valueOf(asOf)).update();
        for (Value v : values) {
            jdbc.sql("""
                    insert into supervision_indicator (id, institution_id, as_of, indicator, value, numerator, denominator, computed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), institutionId, Date.valueOf(asOf), v.indicator(), v.value(), v.numerator(),
                            v.denominator(), now).update();
        }
    }
}
