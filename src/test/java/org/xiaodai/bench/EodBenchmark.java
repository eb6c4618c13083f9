package org.xiaodai.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.XiaodaiApplication;
import org.xiaodai.eod.internal.EndOfDayRunner;
import org.xiaodai.eod.internal.EodRun;
import org.xiaodai.eod.internal.EodWork;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * End of day over a synthetic portfolio (DESIGN.md §5: 1,000,000 active loans in ≤ 60 s and ≤ 3× a
 * bare set-based pass over the same rows). Run by {@code ./bench/run.sh eod [--loans N]}; not a test.
 *
 * <p>Starts the real application headless on a throw-away embedded PostgreSQL, registers one
 * lender directly in the database, writes {@code --loans} active loans with {@link EodPortfolio}
 * (schedules and repayment history included) positioned as of the business date 2026-12-01, and
 * then, for each of {@code --days} consecutive dates: the baseline — one set-based {@code UPDATE}
 * touching every active loan row once, in the institution's tenant wall as the application's role —
 * then {@code VACUUM}, then closing that date through the real runner and every end-of-day step the
 * modules contribute (withholding, overdue/penalty/grade, accrual…) with this instance's workers,
 * timed from the request to the run's completion. Each timed part starts after a {@code CHECKPOINT}:
 * the baseline's million dirty pages and its WAL would otherwise be written out while the close runs
 * (and the close's while the next baseline runs), so each would pay for the other; and the next date starts once
 * the close's asynchronous listeners (reminders…) have ended. Prints one JSON line with the medians
 * ({@code seconds}, {@code baselineSeconds}, {@code ratio}) and, per step, the partitions' summed
 * and longest time and the items they handled; progress goes to stderr.
 *
 * <p>Options: {@code --loans N} (1000000), {@code --days N} (3), {@code --warmup-days N} (0, dates
 * closed untimed first), {@code --keep-db DIR} (generate the portfolio once into {@code DIR/pg}, stop its server
 * cleanly and keep it as the pristine copy with {@code DIR/keys.properties}; this and every later run with the same
 * {@code DIR} and {@code --loans} copies {@code DIR/pg} to a scratch cluster under {@code target/bench}, applies the
 * current migrations there at start and closes the same dates from 2026-12-01 on it, then deletes it);
 * {@code --statements N} (with {@code --keep-db}: load pg_stat_statements into the copy and print the N statements
 * of most execution time per closed date to stderr); {@code --xiaodai.…}, {@code --spring.…}, {@code --logging.…} go to the app
 * (e.g. {@code --xiaodai.eod.workers=4}).
 */
public final class EodBenchmark {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 1);

    /** With {@code --statements N}: the N statements of most execution time per closed date go to stderr. */
    private static int statements;

    private EodBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int loans = option(args, "--loans", 1_000_000);
        int days = option(args, "--days", 3);
        int warmup = option(args, "--warmup-days", 0);
        String keep = text(args, "--keep-db");
        statements = option(args, "--statements", 0);
        if (statements > 0 && keep == null) {
            throw new IllegalArgumentException("--statements needs --keep-db (it loads pg_stat_statements into the copy)");
        }
        PrintStream out = System.out;
        System.setOut(System.err);
        List<String> settings = passedOn(args);
        Double generateSeconds = null;
        if (keep != null) {
            Path kept = Path.of(keep).toAbsolutePath();
            Path marker = kept.resolve("portfolio-" + loans + ".done");
            if (!Files.exists(marker)) {
                if (Files.exists(kept.resolve("pg"))) {
                    throw new IllegalStateException(kept + " holds a portfolio that is unfinished or of another size;"
                            + " delete the directory or name another one");
                }
                Files.createDirectories(kept);
                // generate into DIR/pg, then stop the server (a clean shutdown): DIR/pg is the pristine portfolio
                try (ConfigurableApplicationContext context = start(kept.resolve("pg"), false,
                        kept.resolve("keys.properties"), settings)) {
                    generateSeconds = prepare(context, loans);
                }
                Files.writeString(marker, loans + "\n");
            }
            // every measured run works on a copy, so the kept portfolio stays untouched; migrations apply to the copy
            Path scratch = Path.of("target", "bench").toAbsolutePath().resolve("pg-" + UUID.randomUUID());
            Files.createDirectories(scratch.getParent());
            long t0 = System.nanoTime();
            copy(kept.resolve("pg"), scratch);
            if (statements > 0) {
                // the copy only: load pg_stat_statements at its start (it needs shared_preload_libraries)
                Files.writeString(scratch.resolve("postgresql.auto.conf"),
                        "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.max = 5000\n",
                        java.nio.file.StandardOpenOption.APPEND);
            }
            System.err.printf(Locale.ROOT, "copied the kept portfolio of %d loans from %s in %.1f s%n", loans, kept,
                    (System.nanoTime() - t0) / 1e9);
            try (ConfigurableApplicationContext context = start(scratch, true, kept.resolve("keys.properties"), settings)) {
                out.println(run(context, days, warmup, generateSeconds == null ? -1 : generateSeconds));
            }
        } else {
            Path dir = Path.of("target", "bench");
            try (ConfigurableApplicationContext context = start(
                    dir.resolve("pg-" + UUID.randomUUID()).toAbsolutePath(), true,
                    dir.resolve("keys-" + UUID.randomUUID() + ".properties").toAbsolutePath(), settings)) {
                double seconds = prepare(context, loans);
                out.println(run(context, days, warmup, seconds));
            }
        }
        System.exit(0);
    }

    /** A stopped cluster's data directory, copied with its modes (PostgreSQL wants 0700). */
    private static void copy(Path from, Path to) throws Exception {
        Process cp = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start();
        if (cp.waitFor() != 0) {
            throw new IllegalStateException("cp -a " + from + " " + to + " failed");
        }
    }

    private static List<String> passedOn(String[] args) {
        return Arrays.stream(args).filter(a -> a.startsWith("--xiaodai.") || a.startsWith("--logging.")
                || a.startsWith("--spring.")).toList();
    }

    private static ConfigurableApplicationContext start(Path dataDir, boolean ephemeral, Path keyFile,
            List<String> settings) throws Exception {
        Files.createDirectories(Path.of("target", "bench"));
        SpringApplication application = new SpringApplication(XiaodaiApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> arguments = new ArrayList<>(List.of(
                "--xiaodai.demo=false",
                "--xiaodai.embedded-db.ephemeral=" + ephemeral,
                "--xiaodai.embedded-db.port=0",
                "--xiaodai.embedded-db.data-dir=" + dataDir,
                "--xiaodai.iam.bootstrap-admin-password=Bench@2026xyz",
                "--xiaodai.eod.schedule=-",
                "--xiaodai.data.key-file=" + keyFile,
                "--logging.structured.format.console=",
                "--logging.level.root=WARN",
                "--spring.flyway.out-of-order=true",
                "--logging.level.org.flywaydb=ERROR"));
        arguments.addAll(settings);
        return application.run(arguments.toArray(String[]::new));
    }

    /** Registers the lender and writes the portfolio; the seconds the portfolio took. */
    private static double prepare(ConfigurableApplicationContext context, int loans) {
        JdbcClient superuser = JdbcClient.create(context.getBean("operationsDataSource", DataSource.class));
        // a throw-away cluster: checkpoints far apart, so writing the portfolio is not mostly full-page writes
        superuser.sql("alter system set max_wal_size = '8GB'").update();
        superuser.sql("alter system set checkpoint_timeout = '30min'").update();
        superuser.sql("select pg_reload_conf()").query(Object.class).list();
        UUID institution = UUID.nameUUIDFromBytes("bench-eod-institution".getBytes());
        superuser.sql("""
                insert into iam_organisation (id, kind, code, name, region_code, created_at)
                values (?, 'LENDER', 'BENCHXD', '基准测试小额贷款公司', '330100', now())
                """).param(institution).update();
        superuser.sql("insert into eod_business_date (institution_id, business_date, updated_at, kind) values (?, ?, now(), 'LENDER')")
                .params(institution, FIRST_DAY).update();
        long start = System.nanoTime();
        EodPortfolio.generate(superuser, institution, FIRST_DAY, loans);
        double generateSeconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "generated %d active loans in %.1f s%n", active(superuser, institution),
                generateSeconds);
        return generateSeconds;
    }

    private static String run(ConfigurableApplicationContext context, int days, int warmup, double generateSeconds) {
        JdbcClient superuser = JdbcClient.create(context.getBean("operationsDataSource", DataSource.class));
        JdbcClient app = context.getBean(JdbcClient.class);
        TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        EodWork work = context.getBean(EodWork.class);
        EndOfDayRunner runner = context.getBean(EndOfDayRunner.class);
        UUID institution = UUID.nameUUIDFromBytes("bench-eod-institution".getBytes());
        long active = active(superuser, institution);
        System.err.printf(Locale.ROOT, "%d active loans (%d overdue, %d schedule rows), business date %s%n", active,
                superuser.sql("select count(*) from servicing_loan where status = 'OVERDUE'").query(Long.class).single(),
                superuser.sql("select count(*) from servicing_schedule_row").query(Long.class).single(),
                runner.businessDate(institution));
        if (!FIRST_DAY.equals(runner.businessDate(institution))) {
            throw new IllegalStateException("the portfolio's business date is " + runner.businessDate(institution)
                    + ", not " + FIRST_DAY);
        }

        Actor actor = new BenchActor(UUID.nameUUIDFromBytes("bench-eod-admin".getBytes()), "bench-admin", institution);
        for (int i = 0; i < warmup; i++) {
            double seconds = close(work, runner, institution, actor);
            System.err.printf(Locale.ROOT, "warm-up day closed in %.1f s%n", seconds);
        }
        double[] eod = new double[days];
        double[] baseline = new double[days];
        for (int i = 0; i < days; i++) {
            baseline[i] = baseline(app, transactions, superuser, institution);
            LocalDate closing = runner.businessDate(institution);
            superuser.sql("select pg_stat_reset()").query(Object.class).list();
            if (statements > 0) {
                superuser.sql("create extension if not exists pg_stat_statements").update();
                superuser.sql("select pg_stat_statements_reset()").query(Object.class).list();
            }
            eod[i] = close(work, runner, institution, actor);
            System.err.printf(Locale.ROOT, "%s: end of day %.1f s, baseline %.1f s (ratio %.2f)%n", closing, eod[i],
                    baseline[i], eod[i] / baseline[i]);
            System.err.println(steps(superuser, institution, closing));
            System.err.println("rows written per table while closing: " + writes(superuser));
            if (statements > 0) {
                System.err.println(topStatements(superuser));
            }
            System.err.printf(Locale.ROOT, "%s: the close's asynchronous listeners (reminders, collections, risk) ended %.1f s"
                    + " after it%n", closing, settle(superuser));
            superuser.sql("vacuum analyze servicing_loan").update();
        }
        double seconds = median(eod);
        double baselineSeconds = median(baseline);
        LocalDate last = runner.businessDate(institution).minusDays(1);
        return String.format(Locale.ROOT, "{\"benchmark\":\"eod\",\"loans\":%d,\"seconds\":%.1f,\"baselineSeconds\":%.1f,"
                        + "\"ratio\":%.2f,\"days\":%d,\"secondsPerDay\":%s,\"baselinePerDay\":%s,\"generateSeconds\":%.1f,"
                        + "\"workers\":%s,\"lastDaySteps\":%s,\"loansWrittenLastDay\":%d,\"loadAverage\":%.2f}",
                active, seconds, baselineSeconds, seconds / baselineSeconds, days, Arrays.toString(round(eod)),
                Arrays.toString(round(baseline)), generateSeconds,
                context.getEnvironment().getProperty("xiaodai.eod.workers", "2"), steps(superuser, institution, last),
                superuser.sql("select count(*) from servicing_loan where institution_id = ? and position_date > ?")
                        .params(institution, last).query(Long.class).single(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Closes the institution's business date through the real runner and its workers; seconds from request to completion. */
    private static double close(EodWork work, EndOfDayRunner runner, UUID institution, Actor actor) {
        long start = System.nanoTime();
        EodRun run = work.start(institution, null, actor);
        EodRun done = runner.await(run, Duration.ofHours(2));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!EodRun.COMPLETED.equals(done.status())) {
            throw new IllegalStateException("end of day ended " + done.status() + ": " + done.error());
        }
        return seconds;
    }

    /**
     * Waits until every event publication is completed or failed: the listeners a close set off after its
     * transactions (the reminders of {@code DayClosed}, collections, risk) run asynchronously, and would otherwise
     * still be writing while the next date's baseline and close are timed. Seconds waited (at most ten minutes).
     */
    private static double settle(JdbcClient superuser) {
        long start = System.nanoTime();
        long until = start + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < until && superuser.sql("""
                select exists (select from event_publication where completion_date is null
                               and coalesce(status, '') <> 'FAILED')""").query(Boolean.class).single()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The bare set-based pass: one UPDATE touching every active loan row once, as the app in the tenant wall. */
    private static double baseline(JdbcClient app, TransactionTemplate transactions, JdbcClient superuser, UUID institution) {
        superuser.sql("checkpoint").update();
        long start = System.nanoTime();
        long touched = TenantWall.asInstitution(institution, () -> transactions.execute(tx -> (long) app.sql("""
                update servicing_loan set updated_at = ? where institution_id = ? and status in ('ACTIVE', 'OVERDUE')
                """).params(Timestamp.from(java.time.Instant.ofEpochSecond(1_800_000_000L)), institution).update()));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "baseline: %d loan rows updated in %.1f s%n", touched, seconds);
        superuser.sql("vacuum analyze servicing_loan").update();
        superuser.sql("checkpoint").update();
        return seconds;
    }

    /** The statements of most execution time since the reset: total ms, calls, rows, ms per call, the text's start. */
    private static String topStatements(JdbcClient superuser) {
        StringBuilder text = new StringBuilder("statements by execution time while closing (total ms, calls, rows, ms/call):\n");
        superuser.sql("""
                select round(total_exec_time::numeric, 0) as total, calls, rows,
                       round((total_exec_time / greatest(calls, 1))::numeric, 3) as per_call,
                       regexp_replace(left(query, 240), '\\s+', ' ', 'g') as q
                from pg_stat_statements order by total_exec_time desc limit ?
                """).param(statements).query((rs, i) -> String.format(Locale.ROOT, "  %10s %8d %9d %10s  %s%n",
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .list().forEach(text::append);
        return text.toString();
    }

    /** Rows inserted, updated and deleted per table since the statistics were reset, and the transactions committed. */
    private static String writes(JdbcClient superuser) {
        return superuser.sql("""
                select coalesce(string_agg(relname || ' +' || n_tup_ins || ' ~' || n_tup_upd || ' -' || n_tup_del, ', '
                           order by n_tup_ins + n_tup_upd + n_tup_del desc), '')
                       || '; commits ' || (select xact_commit from pg_stat_database where datname = current_database())
                from pg_stat_user_tables where n_tup_ins + n_tup_upd + n_tup_del > 0
                """).query(String.class).single();
    }

    /** Per step of the closed date: partitions, summed and longest partition time in seconds, items. */
    private static String steps(JdbcClient superuser, UUID institution, LocalDate date) {
        return superuser.sql("""
                select coalesce(json_object_agg(step, json_build_object('partitions', partitions, 'sumSeconds', sum_s,
                           'maxSeconds', max_s, 'items', items) order by step_order), '{}')::text
                from (select step, min(step_order) as step_order, count(*) as partitions,
                             round(sum(millis) / 1000.0, 2) as sum_s, round(max(millis) / 1000.0, 2) as max_s,
                             sum(items) as items
                      from eod_partition where institution_id = ? and business_date = ? group by step) s
                """).params(institution, date).query(String.class).single();
    }

    private static long active(JdbcClient superuser, UUID institution) {
        return superuser.sql("select count(*) from servicing_loan where institution_id = ? and status in ('ACTIVE', 'OVERDUE')")
                .param(institution).query(Long.class).single();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray();
    }

    private static String text(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private record BenchActor(UUID actorId, String actorName, UUID actorOrganisationId) implements Actor {
        @Override
        public boolean seesAllInstitutions() {
            return false;
        }
    }

}
