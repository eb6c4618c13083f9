package org.xiaodai.reporting.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.reporting.internal.ReturnViews.Rejection;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.demo.DemoSeeding;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.time.BusinessDate;

/**
 * The demo region's returns (embedded database with {@code xiaodai.demo} on), for HZXD and NBXD once
 * their demo loans are booked: four months back submitted on time and accepted, three months back
 * likewise, two months back rejected by the regulator with row-level reasons and then corrected,
 * resubmitted and accepted, and last month's generated and pending submission (due by the 5th).
 * Built in the background ({@link DemoSeeding}), so the start stays short.
 */
@Component
@ConditionalOnExpression("${xiaodai.demo:true} and '${spring.datasource.url:}'.isEmpty() and '${xiaodai.ops.command:}'.isEmpty()")
class ReportingDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportingDemoData.class);
    private static final List<String> DEMO = List.of("HZXD", "NBXD");

    record DemoActor(UUID actorId, String actorName, UUID actorOrganisationId) implements Actor {
        @Override
        public boolean seesAllInstitutions() {
            return false;
        }
    }

    private final ReturnService returns;
    private final InstitutionDirectory directory;
    private final BusinessDate businessDate;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DemoSeeding seeding;

    ReportingDemoData(ReturnService returns, InstitutionDirectory directory, BusinessDate businessDate, JdbcClient jdbc,
                      TransactionTemplate transactions, DemoSeeding seeding) {
        this.returns = returns;
        this.directory = directory;
        this.businessDate = businessDate;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.seeding = seeding;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeding.start("demo-returns", () -> {
            for (var institution : TenantWall.regionWide(directory::lenders)) {
                if (DEMO.contains(institution.code())) {
                    seed(institution.id(), institution.code());
                }
            }
        });
    }

    private void seed(UUID institution, String code) {
        if (TenantWall.asInstitution(institution, () -> transactions.execute(tx ->
                jdbc.sql("select exists (select from reporting_return)").query(Boolean.class).single()))) {
            return;
        }
        LocalDate today = TenantWall.asInstitution(institution, () -> transactions.execute(tx -> businessDate.of(institution)));
        if (!loansBooked(institution, today)) {
            log.info("Demo returns for {} skipped: no demo loans yet", code);
            return;
        }
        Actor maker = new DemoActor(null, code.equals("HZXD") ? "a-admin" : "b-admin", institution);
        Actor regulator = new DemoActor(null, "regulator", null);
        YearMonth current = YearMonth.from(today);
        for (int back = 4; back >= 1; back--) {
            YearMonth period = current.minusMonths(back);
            LocalDate submitted = ReturnService.dueOn(period).minusDays(back == 2 ? 3 : 1);
            UUID id = generate(institution, period, maker);
            if (back == 1) {
                continue;
            }
            submit(institution, maker, id, submitted);
            if (back == 2) {
                int rows = TenantWall.asInstitution(institution, () -> transactions.execute(tx ->
                        jdbc.sql("select loans from reporting_return where id = ?").param(id).query(Integer.class).single()));
                List<Rejection> rejected = List.of(new Rejection(1, "五级分类与逾期天数不一致"),
                        new Rejection(2, "合同号与合同系统登记不一致")).subList(0, Math.min(2, rows));
                receipt(regulator, id, false, "请更正后重报", rejected);
                UUID corrected = generate(institution, period, maker);
                submit(institution, maker, corrected, submitted.plusDays(2));
                receipt(regulator, corrected, true, "更正后接收", List.of());
            } else {
                receipt(regulator, id, true, null, List.of());
            }
        }
        log.info("Demo returns created for {}", code);
    }

    /** Demo loans are booked by servicing in the background too: wait (at most a few minutes) until some are. */
    private boolean loansBooked(UUID institution, LocalDate today) {
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long previous = -1;
        while (System.nanoTime() < until) {
            long count = TenantWall.asInstitution(institution, () -> transactions.execute(tx -> jdbc.sql(
                    "select count(*) from servicing_month_end_positions(?, ?)").params(today.withDayOfMonth(1), today)
                    .query(Long.class).single()));
            if (count > 0 && count == previous) {
                return true;
            }
            previous = count;
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return previous > 0;
    }

    private UUID generate(UUID institution, YearMonth period, Actor maker) {
        return TenantWall.asInstitution(institution, () -> returns.generate(institution, period, maker));
    }

    private void submit(UUID institution, Actor maker, UUID id, LocalDate on) {
        TenantWall.asInstitution(institution, () -> transactions.executeWithoutResult(tx -> returns.submitOn(maker, id, on)));
    }

    private void receipt(Actor regulator, UUID id, boolean accepted, String note, List<Rejection> rejections) {
        TenantWall.regionWide(() -> transactions.executeWithoutResult(tx ->
                returns.record(regulator, id, accepted, note, rejections)));
    }
}
