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
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.XiaodaiApplication;
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
        PrintStream out = System.out;
        System.setOut(System.err);
        try (ConfigurableApplicationContext context = start(Arrays.stream(args)
                .filter(a -> a.startsWith("--xiaodai.") || a.startsWith("--logging.") || a.startsWith("--spring.")).toList())) {
            out.println(run(context, loans, rounds));
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(List<String> settings) throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        SpringApplication application = new SpringApplication(XiaodaiApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> arguments = new ArrayList<>(List.of(
                "--xiaodai.demo=false",
                "--xiaodai.embedded-db.ephemeral=true",
                "--xiaodai.embedded-db.port=0",
                "--xiaodai.embedded-db.data-dir=" + dir.resolve("pg-" + UUID.randomUUID()).toAbsolutePath(),
                "--xiaodai.iam.bootstrap-admin-password=Bench@2026xyz",
                "--xiaodai.eod.schedule=-",
                "--xiaodai.data.key-file=" + dir.resolve("keys-" + UUID.randomUUID() + ".properties").toAbsolutePath(),
                "--logging.structured.format.console=",
                "--logging.level.root=WARN",
                "--spring.flyway.out-of-order=true",
                "--logging.level.org.flywaydb=ERROR"));
        arguments.addAll(settings);
        return application.run(arguments.toArray(String[]::new));
    }

    private static String run(ConfigurableApplicationContext context, int loans, int rounds) {
        JdbcClient superuser = JdbcClient.create(context.getBean("operationsDataSource", DataSource.class));
        superuser.sql("alter system set max_wal_size = '8GB'").update();
        superuser.sql("alter system set checkpoint_timeout = '30min'").update();
        superuser.sql("select pg_reload_conf()").query(Object.class).list();
        UUID institution = UUID.nameUUIDFromBytes("bench-reporting-institution".getBytes());
        LocalDate firstDay = LocalDate.of(2026, 12, 1);
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
        String steps = steps(superuser, institution);
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return String.format(Locale.ROOT, "{\"benchmark\":\"reporting\",\"loans\":%d,\"seconds\":%.2f,\"rounds\":%s,\"steps\":%s}",
                detailRows, median, Arrays.toString(seconds).replace(" ", ""), steps);
    }

    /** Where the time goes: the collection's read alone (servicing's function, counted) and the quality rules' scan. */
    private static String steps(JdbcClient superuser, UUID institution) {
        long a = System.nanoTime();
        superuser.sql("select count(*) from servicing_month_end_positions(date '2026-11-01', date '2026-11-30') where institution_id = ?")
                .param(institution).query(Long.class).single();
        double read = (System.nanoTime() - a) / 1e9;
        return String.format(Locale.ROOT, "{\"positionsRead\":%.2f}", read);
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
