package org.xiaodai.bench;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.XiaodaiApplication;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * What the tenant wall costs (issue "foundation hardening", item 10): a scoped list read (50
 * users of one institution, as {@code GET /api/v1/users} reads them) and a scoped write (one
 * user row updated), each in its own transaction, measured twice on the same database and data:
 * <ul>
 * <li><b>before</b> — as the foundation did it: a pooled superuser connection, a plain
 * transaction manager, the scope only in the query's predicate;</li>
 * <li><b>after</b> — as the application does now: its pooled {@code xiaodai_app} connection, the
 * tenant setting applied at the start of every transaction, row-level security on every table.</li>
 * </ul>
 * One thread, so the figures are latencies (median microseconds per operation over the rounds).
 * Run by {@code ./bench/run.sh tenant [--rounds N] [--seconds S]}; not a test.
 */
public final class TenantWallBenchmark {

    private TenantWallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = option(args, "--rounds", 5);
        int seconds = option(args, "--seconds", 2);
        String dataDir = System.getProperty("java.io.tmpdir") + "/xiaodai-bench-tenant-" + UUID.randomUUID();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(XiaodaiApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--xiaodai.embedded-db.data-dir=" + dataDir, "--xiaodai.embedded-db.port=0",
                        "--xiaodai.embedded-db.ephemeral=true", "--xiaodai.iam.bootstrap-admin-password=Bench@2026pw",
                        "--logging.level.root=WARN", "--logging.level.org.flywaydb=ERROR",
                        "--logging.structured.format.console=")) {
            SimpleDriverDataSource operations = app.getBean("operationsDataSource", SimpleDriverDataSource.class);
            try (HikariDataSource superuserPool = pool(operations)) {
                run(app, superuserPool, rounds, seconds);
            }
        }
    }

    private static void run(ConfigurableApplicationContext app, HikariDataSource superuserPool, int rounds, int seconds) {
        JdbcClient superuser = JdbcClient.create(superuserPool);
        UUID institution = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        superuser.sql("""
                insert into iam_user (institution_id, username, display_name, password_hash, must_change_password,
                                      data_scope, created_at)
                select ?, 'bench-' || g, '压测 ' || g, '{noop}x', false, 'OWN', now() from generate_series(1, 200) g
                """).param(institution).update();
        UUID target = superuser.sql("select id from iam_user where username = 'bench-1'").query(UUID.class).single();
        DataScope scope = new DataScope(ScopeLevel.INSTITUTION, institution, null, UUID.randomUUID());

        TransactionTemplate before = new TransactionTemplate(new JdbcTransactionManager(superuserPool));
        TransactionTemplate after = app.getBean(TransactionTemplate.class);
        JdbcClient appJdbc = JdbcClient.create(app.getBean(DataSource.class));

        Supplier<Object> listBefore = () -> before.execute(tx -> list(superuser, scope));
        Supplier<Object> listAfter = () -> TenantWall.asInstitution(institution, () -> after.execute(tx -> list(appJdbc, scope)));
        Supplier<Object> writeBefore = () -> before.execute(tx -> write(superuser, target, institution));
        Supplier<Object> writeAfter = () -> TenantWall.asInstitution(institution,
                () -> after.execute(tx -> write(appJdbc, target, institution)));
        if (((List<?>) listAfter.get()).size() != 50 || ((List<?>) listBefore.get()).size() != 50) {
            throw new IllegalStateException("the scoped list must read 50 rows both ways");
        }
        double[] results = new double[4];
        List<Supplier<Object>> cases = List.of(listBefore, listAfter, writeBefore, writeAfter);
        for (int i = 0; i < cases.size(); i++) {
            measure(cases.get(i), 1, 1); // warm-up
        }
        for (int i = 0; i < cases.size(); i++) {
            results[i] = measure(cases.get(i), rounds, seconds);
        }
        System.out.printf("{\"benchmark\":\"tenant\",\"listBeforeMicros\":%.1f,\"listAfterMicros\":%.1f,"
                        + "\"listRatio\":%.2f,\"writeBeforeMicros\":%.1f,\"writeAfterMicros\":%.1f,\"writeRatio\":%.2f,"
                        + "\"rows\":50,\"threads\":1,\"rounds\":%d}%n",
                results[0], results[1], results[1] / results[0], results[2], results[3], results[3] / results[2], rounds);
    }

    private static List<String> list(JdbcClient jdbc, DataScope scope) {
        DataScope.Predicate visible = scope.predicate("t", "branch_path", "id");
        return jdbc.sql("""
                select * from (select u.*, b.path as branch_path from iam_user u left join iam_branch b on b.id = u.branch_id) t
                where %s order by username limit 50""".formatted(visible.sql()))
                .params(visible.parameters()).query((rs, n) -> rs.getString("username")).list();
    }

    private static int write(JdbcClient jdbc, UUID user, UUID institution) {
        return jdbc.sql("update iam_user set display_name = display_name || '' where id = ? and institution_id = ?")
                .params(user, institution).update();
    }

    /** Median microseconds per operation over {@code rounds} rounds of {@code seconds} each. */
    private static double measure(Supplier<Object> operation, int rounds, int seconds) {
        double[] micros = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            long count = 0;
            while (System.nanoTime() < deadline) {
                operation.get();
                count++;
            }
            micros[r] = (System.nanoTime() - start) / 1000.0 / count;
        }
        Arrays.sort(micros);
        return micros[rounds / 2];
    }

    private static HikariDataSource pool(SimpleDriverDataSource operations) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(operations.getUrl());
        pool.setUsername(operations.getUsername());
        pool.setPassword(operations.getPassword());
        pool.setMaximumPoolSize(4);
        pool.setPoolName("bench-superuser");
        return pool;
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
