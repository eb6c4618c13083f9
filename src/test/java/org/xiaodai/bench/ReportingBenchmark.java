package org.xiaodai.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.XiaodaiApplication;
import org.xiaodai.reporting.internal.ReportingStatementProfile;
import org.xiaodai.reporting.internal.ReturnExports;
import org.xiaodai.reporting.internal.ReturnService;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * The monthly regulatory return over the end-of-day benchmark's synthetic portfolio (DESIGN.md §5:
 * 1,000,000 loans in ≤ 10 s): starts the application headless on a throw-away embedded PostgreSQL,
 * writes {@code --loans} loans with {@link EodPortfolio} as of 2026-12-01, and times
 * {@link ReturnService#generate} of period 2026-11 — the loan-level detail collected in one
 * {@code INSERT … SELECT}, the statistical lines, the data-quality rules and the ledger check, one
 * transaction — {@code --rounds} times (each a new version). Prints
 * {@code {"benchmark":"reporting","loans":…,"seconds":<median>,"rounds":[…],"steps":{…}}}; where the
 * time goes is measured on the last round by running each step's SQL alone.
 */
public final class ReportingBenchmark {

    private ReportingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int loans = option(args, "--loans", 1_000_000);
        int rounds = option(args, "--rounds", 3);
        String keep = text(args, "--keep-db");
        Path kept = keep == null ? null : Path.of(keep).toAbsolutePath();
        PrintStream out = System.out;
        System.setOut(System.err);
        try (ConfigurableApplicationContext context = start(kept, Arrays.stream(args)
                .filter(a -> a.startsWith("--xiaodai.") || a.startsWith("--logging.") || a.startsWith("--spring.")).toList())) {
            out.println(run(context, loans, rounds, kept));
        }
        System.exit(0);
    }

    /**
     * Starts the application; with {@code kept} (option {@code --keep-db DIR}) on a cluster that stays in
     * {@code DIR/pg} with its key file {@code DIR/keys.properties}, so the next run with the same directory
     * reuses the portfolio instead of writing it again.
     */
    private static ConfigurableApplicationContext start(Path kept, List<String> settings) throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        if (kept != null) {
            Files.createDirectories(kept);
        }
        SpringApplication application = new SpringApplication(XiaodaiApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> arguments = new ArrayList<>(List.of(
                "--xiaodai.demo=false",
                "--xiaodai.embedded-db.ephemeral=" + (kept == null),
                "--xiaodai.embedded-db.port=0",
                "--xiaodai.embedded-db.data-dir=" + (kept == null ? dir.resolve("pg-" + UUID.randomUUID()).toAbsolutePath()
                        : kept.resolve("pg")),
                "--xiaodai.iam.bootstrap-admin-password=Bench@2026xyz",
                "--xiaodai.eod.schedule=-",
                "--xiaodai.data.key-file=" + (kept == null ? dir.resolve("keys-" + UUID.randomUUID() + ".properties").toAbsolutePath()
                        : kept.resolve("keys.properties")),
                "--logging.structured.format.console=",
                "--logging.level.root=WARN",
                "--spring.flyway.out-of-order=true",
                "--logging.level.org.flywaydb=ERROR"));
        arguments.addAll(settings);
        return application.run(arguments.toArray(String[]::new));
    }

    private static String run(ConfigurableApplicationContext context, int loans, int rounds, Path kept) throws Exception {
        JdbcClient superuser = JdbcClient.create(context.getBean("operationsDataSource", DataSource.class));
        superuser.sql("alter system set max_wal_size = '8GB'").update();
        superuser.sql("alter system set checkpoint_timeout = '30min'").update();
        superuser.sql("select pg_reload_conf()").query(Object.class).list();
        UUID institution = UUID.nameUUIDFromBytes("bench-reporting-institution".getBytes());
        LocalDate firstDay = LocalDate.of(2026, 12, 1);
        Path marker = kept == null ? null : kept.resolve("portfolio-" + loans + ".done");
        if (marker != null && Files.exists(marker)) {
            // the kept portfolio: drop the returns earlier runs generated (as the superuser; the
            // application's role may not), so every run starts from the same state
            for (String table : List.of("reporting_rejection", "reporting_receipt", "reporting_quality_failure",
                    "reporting_quality_result", "reporting_return_line", "reporting_loan_detail")) {
                superuser.sql("delete from " + table + " where institution_id = ?").param(institution).update();
            }
            superuser.sql("delete from reporting_return where institution_id = ?").param(institution).update();
            superuser.sql("vacuum analyze").update();
            System.err.printf(Locale.ROOT, "reusing the portfolio of %d loans in %s%n",
                    superuser.sql("select count(*) from servicing_loan").query(Long.class).single(), kept);
        } else {
            if (kept != null && superuser.sql("select count(*) from iam_organisation where id = ?").param(institution)
                    .query(Long.class).single() > 0) {
                throw new IllegalStateException(kept + " holds a portfolio that is unfinished or of another size;"
                        + " delete the directory or name another one");
            }
            generate(superuser, institution, firstDay, loans);
            if (marker != null) {
                Files.writeString(marker, loans + "\n");
            }
        }
        return measure(context, superuser, institution, rounds);
    }

    private static void generate(JdbcClient superuser, UUID institution, LocalDate firstDay, int loans) {
        superuser.sql("""
                insert into iam_organisation (id, kind, code, name, region_code, created_at)
                values (?, 'LENDER', 'BENCHRP', '报送基准测试小额贷款公司', '330100', now())
                """).param(institution).update();
        superuser.sql("insert into eod_business_date (institution_id, business_date, updated_at, kind) values (?, ?, now(), 'LENDER')")
                .params(institution, firstDay).update();
        long t0 = System.nanoTime();
        EodPortfolio.generate(superuser, institution, firstDay, loans);
        superuser.sql("vacuum analyze servicing_loan").update();
        superuser.sql("vacuum analyze servicing_schedule_row").update();
        superuser.sql("vacuum analyze servicing_transaction").update();
        System.err.printf(Locale.ROOT, "generated %d loans in %.1f s%n",
                superuser.sql("select count(*) from servicing_loan").query(Long.class).single(), (System.nanoTime() - t0) / 1e9);
    }

    private static String measure(ConfigurableApplicationContext context, JdbcClient superuser, UUID institution, int rounds) {
        ReturnService returns = context.getBean(ReturnService.class);
        Actor actor = new BenchActor(UUID.nameUUIDFromBytes("bench-reporting-admin".getBytes()), "bench-admin", institution);
        YearMonth period = YearMonth.of(2026, 11);
        double[] seconds = new double[rounds];
        UUID last = null;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            last = TenantWall.asInstitution(institution, () -> returns.generate(institution, period, actor));
            seconds[i] = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
            System.err.printf(Locale.ROOT, "round %d: %.2f s%n", i + 1, seconds[i]);
        }
        long detailRows = superuser.sql("select count(*) from reporting_loan_detail where return_id = ?").param(last)
                .query(Long.class).single();
        String steps = steps(context, institution);
        String export = export(context, institution, last);
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return String.format(Locale.ROOT,
                "{\"benchmark\":\"reporting\",\"loans\":%d,\"seconds\":%.2f,\"rounds\":%s,\"steps\":%s,\"export\":%s,\"loadAverage\":%s}",
                detailRows, median, Arrays.toString(seconds).replace(" ", ""), steps, export, loadAverage());
    }

    /**
     * The loan-level detail's CSV export of the last round, written to a discarding stream: {@code detailCsv} as the
     * application writes it (PostgreSQL's COPY), {@code detailCsvRowByRow} rendered row by row in Java from the same
     * rows (the way it was written before), with the bytes of each; then the streamed XLSX, XML and JSON files
     * ({@code detailXlsx}, {@code detailXml}, {@code detailJson} and their bytes); seconds of wall clock, one run each.
     */
    private static String export(ConfigurableApplicationContext context, UUID institution, UUID returnId) {
        ReturnExports exports = context.getBean(ReturnExports.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        long[] bytes = new long[2];
        long t0 = System.nanoTime();
        TenantWall.asInstitution(institution, () -> {
            CountingStream out = new CountingStream();
            exports.writeDetailsCsv(returnId, out);
            bytes[0] = out.count;
            return null;
        });
        double copy = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        TenantWall.asInstitution(institution, () -> transactions.execute(tx -> {
            CountingStream out = new CountingStream();
            java.io.Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
            exports.forEachDetail(returnId, d -> {
                try {
                    w.write(ReportingStatementProfile.csvRow(d));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try {
                w.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            bytes[1] = out.count;
            return null;
        }));
        double rowByRow = (System.nanoTime() - t1) / 1e9;
        // the other streamed files, each to a discarding stream (the benchmark's heap is 512 MB: a file built in memory
        // would not fit at 1,000,000 rows)
        ReturnService returns = context.getBean(ReturnService.class);
        String streamed = "";
        for (String format : List.of("xlsx", "xml", "json")) {
            long t = System.nanoTime();
            long written = TenantWall.asInstitution(institution, () -> {
                CountingStream out = new CountingStream();
                switch (format) {
                    case "xlsx" -> exports.writeDetailsXlsx(returnId, out);
                    case "xml" -> exports.writeDetailsXml(transactions.execute(tx -> returns.view(returnId)), out);
                    default -> exports.writeDetailsJson(returnId, out);
                }
                return out.count;
            });
            String name = Character.toUpperCase(format.charAt(0)) + format.substring(1);
            streamed += String.format(Locale.ROOT, ",\"detail%s\":%.2f,\"detail%sBytes\":%d", name,
                    (System.nanoTime() - t) / 1e9, name, written);
        }
        return String.format(Locale.ROOT, "{\"detailCsv\":%.2f,\"detailCsvBytes\":%d,\"detailCsvRowByRow\":%.2f,\"rowByRowBytes\":%d%s}",
                copy, bytes[0], rowByRow, bytes[1], streamed);
    }

    private static final class CountingStream extends java.io.OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** The 1-minute load average at the end (the machine is shared), or -1 where the platform does not say. */
    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%.2f", load);
    }

    /**
     * Where the time goes: each statement of a generation alone under {@code EXPLAIN (ANALYZE, BUFFERS)}, as the
     * application's role in the institution's tenant wall, in a transaction rolled back (the plans go to stderr).
     */
    private static String steps(ConfigurableApplicationContext context, UUID institution) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        Map<String, Double> seconds = TenantWall.asInstitution(institution, () -> transactions.execute(tx -> {
            tx.setRollbackOnly();
            return ReportingStatementProfile.explain(jdbc, institution, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                    System.err);
        }));
        StringBuilder json = new StringBuilder("{");
        seconds.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(String.format(Locale.ROOT, "%.2f", v)));
        return json.append('}').toString();
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
