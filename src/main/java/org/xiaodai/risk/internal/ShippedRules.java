package org.xiaodai.risk.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.risk.Indicators;
import org.xiaodai.risk.domain.Rule;
import org.xiaodai.risk.domain.Rule.Comparison;
import org.xiaodai.risk.domain.Rule.Scope;
import org.xiaodai.risk.domain.Rule.Severity;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * The rules that ship (issue 12, item 3), written at start as version 1 of each code that does not
 * exist yet (not by a migration, so a fresh database stays restorable and a regulator's later
 * versions are never overwritten). Defaults from {@code DOMAIN.md} §3 where it has a number.
 */
@Component
@ConditionalOnExpression("'${xiaodai.ops.command:}'.isEmpty()")
class ShippedRules implements ApplicationRunner {

    static final LocalDate SINCE = LocalDate.of(2020, 1, 1);
    private static final Logger log = LoggerFactory.getLogger(ShippedRules.class);
    private final RuleStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ShippedRules(RuleStore store, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    static List<Rule> definitions() {
        return List.of(
                rule("concentration-breach", Indicators.TOP_BORROWER_EXPOSURE, Comparison.GT, "0.10", Severity.CRITICAL),
                rule("related-party-concentration-breach", Indicators.RELATED_PARTY_EXPOSURE, Comparison.GT, "0.15",
                        Severity.CRITICAL),
                rule("npl-ratio-jump", Indicators.NPL_RATIO_JUMP, Comparison.GT, "0.02", Severity.WARNING),
                rule("overdue-spike", Indicators.OVERDUE_SPIKE, Comparison.GT, "0.03", Severity.WARNING),
                rule("rate-above-benchmark", Indicators.ABOVE_RATE_BENCHMARK, Comparison.GT, "0", Severity.WARNING),
                rule("application-burst", Indicators.APPLICATION_BURST, Comparison.GE, "5", Severity.WARNING),
                rule("multi-lending", Indicators.MULTI_LENDING, Comparison.GE, "1", Severity.INFO),
                rule("lending-outside-licence", Indicators.OUTSIDE_LICENCE, Comparison.GT, "0", Severity.CRITICAL),
                rule("score-drift", Indicators.SCORE_PSI, Comparison.GE, "0.10", Severity.WARNING),
                rule("score-drift-severe", Indicators.SCORE_PSI, Comparison.GT, "0.25", Severity.CRITICAL),
                rule("complaint-response-overdue", Indicators.COMPLAINTS_OVERDUE, Comparison.GE, "1", Severity.WARNING),
                rule("late-submission", Indicators.RETURN_DAYS_LATE, Comparison.GE, "1", Severity.WARNING));
    }

    private static Rule rule(String code, String indicator, Comparison comparison, String threshold, Severity severity) {
        return new Rule(UUID.randomUUID(), code, 1, indicator, comparison, new BigDecimal(threshold), severity, Scope.REGION,
                null, SINCE, true);
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = TenantWall.regionWide(() -> transactions.execute(tx -> {
            int n = 0;
            for (Rule rule : definitions()) {
                if (!store.exists(rule.code())) {
                    store.insert(rule, "system", clock.instant());
                    n++;
                }
            }
            return n;
        }));
        if (added > 0) {
            log.info("Early-warning rules shipped: {}", added);
        }
    }
}
