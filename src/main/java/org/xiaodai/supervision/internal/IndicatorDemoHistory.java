package org.xiaodai.supervision.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.demo.DemoSeeding;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.time.BusinessDate;

/**
 * The demo region's indicator history: for every demo institution without one, the indicators of
 * the {@value #DAYS} business dates before today, so the regulator's pages and the dashboards have
 * trends on first start. Computed after the other demo seeders (the demo loans) have ended, by the
 * same calculator as end of day, one institution and date per transaction. For past dates the
 * demo loans count from their disbursement date with the grade their grade history held then and
 * their balance as stored today (the book keeps no daily balance snapshot before end of day runs).
 */
@Component
@ConditionalOnExpression("${xiaodai.demo:true} and '${spring.datasource.url:}'.isEmpty() and '${xiaodai.ops.command:}'.isEmpty()")
class IndicatorDemoHistory {

    static final int DAYS = 30;
    private static final Logger log = LoggerFactory.getLogger(IndicatorDemoHistory.class);

    private final IndicatorCalculator calculator;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BusinessDate businessDate;
    private final DemoSeeding seeding;

    IndicatorDemoHistory(IndicatorCalculator calculator, JdbcClient jdbc, TransactionTemplate transactions,
                         BusinessDate businessDate, DemoSeeding seeding) {
        this.calculator = calculator;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.businessDate = businessDate;
        this.seeding = seeding;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        seeding.startAfterOthers("supervision-indicator-history", () -> {
            for (String code : List.of("HZXD", "NBXD")) {
                seed(code);
            }
        });
    }

    private void seed(String code) {
        UUID institution = TenantWall.regionWide(() -> transactions.execute(s -> jdbc.sql(
                "select id from iam_organisation where code = ?").param(code).query(UUID.class).optional().orElse(null)));
        if (institution == null) {
            return;
        }
        boolean ready = TenantWall.asInstitution(institution, () -> transactions.execute(s -> jdbc.sql("""
                select exists (select from servicing_loan) and not exists (select from supervision_indicator)""")
                .query(Boolean.class).single()));
        if (!ready) {
            return;
        }
        LocalDate today = businessDate.of(institution);
        long started = System.nanoTime();
        for (int back = DAYS; back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            TenantWall.asInstitution(institution, () -> transactions.executeWithoutResult(s ->
                    calculator.computeAndStore(institution, day)));
        }
        log.info("Demo indicator history for {}: {} days in {} ms", code, DAYS, (System.nanoTime() - started) / 1_000_000);
    }
}
