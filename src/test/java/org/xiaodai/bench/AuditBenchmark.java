package org.xiaodai.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.XiaodaiApplication;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.audit.AuditVerification;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Audited writes per second with concurrent writers (DESIGN.md §5: ≥ 2,000/s with 16 writers).
 * Run by {@code ./bench/run.sh audit}; not a test (no surefire name pattern matches it).
 *
 * <p>Starts the real application headless (no web server, no demo data) on a throw-away embedded
 * PostgreSQL, so recording goes through the real {@link AuditTrail}, the platform's transaction
 * manager and the tenant wall. Each writer thread is a signed-in officer of one institution
 * (writers are spread over {@code --institutions}, as a region's traffic is) and loops over a
 * short business transaction that records one change. After a warm-up it counts committed
 * transactions over {@code --rounds} timed rounds, then waits for the chain to catch up, measures
 * how long entries waited for their seal (where the trail seals after commit) and verifies the
 * whole chain. Prints one JSON line on stdout; everything else goes to stderr. Because the
 * machine may be shared, it also reports the CPU time (this JVM and PostgreSQL) per audited write
 * while measuring: {@code writesPerCpuSecond} is what one otherwise idle core would sustain.
 *
 * <p>Options: {@code --writers N} (16), {@code --institutions N} (8), {@code --seconds S} per
 * round (10), {@code --rounds N} (3), {@code --warmup S} (5); arguments starting with
 * {@code --xiaodai.}, {@code --spring.} or {@code --logging.} go to the application.
 */
public final class AuditBenchmark {

    /** Set once the timed rounds are over: writers finish their transaction and stop. */
    private static volatile boolean stopping;

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int writers = option(args, "--writers", 16);
        int institutions = option(args, "--institutions", 8);
        int seconds = option(args, "--seconds", 10);
        int rounds = option(args, "--rounds", 3);
        int warmup = option(args, "--warmup", 5);
        PrintStream out = System.out;
        System.setOut(System.err);
        try (ConfigurableApplicationContext context = start(writers, passedOn(args))) {
            out.println(run(context, new Setup(writers, institutions, seconds, rounds, warmup)));
        }
        System.exit(0);
    }

    private record Setup(int writers, int institutions, int seconds, int rounds, int warmup) {
    }

    /** Application settings given on the command line, e.g. {@code --xiaodai.audit.seal-interval=100ms}. */
    private static List<String> passedOn(String[] args) {
        return Arrays.stream(args).filter(a -> a.startsWith("--xiaodai.") || a.startsWith("--logging.")
                || a.startsWith("--spring.")).toList();
    }

    private static ConfigurableApplicationContext start(int writers, List<String> settings) throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        SpringApplication application = new SpringApplication(XiaodaiApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> arguments = new ArrayList<>(List.of(
                "--xiaodai.demo=false",
                "--xiaodai.embedded-db.ephemeral=true",
                "--xiaodai.embedded-db.port=0",
                "--xiaodai.embedded-db.data-dir=" + dir.resolve("pg-" + UUID.randomUUID()).toAbsolutePath(),
                "--xiaodai.embedded-db.pool-size=" + (writers + 4),
                "--xiaodai.iam.bootstrap-admin-password=Bench@2026xyz",
                "--logging.structured.format.console=",
                "--logging.level.root=WARN"));
        arguments.addAll(settings);
        return application.run(arguments.toArray(String[]::new));
    }

    private static String run(ConfigurableApplicationContext context, Setup setup) throws Exception {
        AuditTrail audit = context.getBean(AuditTrail.class);
        TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        Clock clock = context.getBean(Clock.class);
        JdbcClient superuser = JdbcClient.create(context.getBean("operationsDataSource", DataSource.class));

        LongAdder committed = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        UUID[] institutionIds = new UUID[setup.institutions()];
        Arrays.setAll(institutionIds, i -> UUID.nameUUIDFromBytes(("bench-institution-" + i).getBytes()));
        for (int i = 0; i < setup.writers(); i++) {
            Writer writer = new Writer(i, institutionIds[i % institutionIds.length], audit, transactions, committed, failure);
            threads.add(Thread.ofPlatform().name("audit-writer-" + i).start(writer));
        }
        Thread.sleep(setup.warmup() * 1000L);
        Instant measuredFrom = clock.instant();
        long measuredWrites = committed.sum();
        long cpuBefore = cpuNanos(superuser);
        double[] rates = new double[setup.rounds()];
        for (int r = 0; r < setup.rounds(); r++) {
            long before = committed.sum();
            long start = System.nanoTime();
            Thread.sleep(setup.seconds() * 1000L);
            rates[r] = (committed.sum() - before) * 1e9 / (System.nanoTime() - start);
            System.err.printf("round %d: %.0f audited writes/s%n", r + 1, rates[r]);
        }
        double cpuMsPerWrite = (cpuNanos(superuser) - cpuBefore) / 1e6 / (committed.sum() - measuredWrites);
        stopping = true;
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("A writer failed", failure.get());
        }

        Lag lag = sealLag(superuser, measuredFrom);
        AuditVerification verification = TenantWall.regionWide(audit::verify);
        long entries = superuser.sql("select count(*) from audit_entry").query(Long.class).single();
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return String.format(java.util.Locale.ROOT,
                "{\"benchmark\":\"audit\",\"writers\":%d,\"institutions\":%d,\"rounds\":%d,\"secondsPerRound\":%d,"
                        + "\"writesPerSecond\":%d,\"min\":%d,\"max\":%d,\"sealLagMs\":%.1f,\"sealLagP99Ms\":%.1f,"
                        + "\"sealLagMaxMs\":%.1f,\"entries\":%d,\"entriesChecked\":%d,\"chainIntact\":%b,"
                        + "\"cpuMsPerWrite\":%.3f,\"writesPerCpuSecond\":%d,\"loadAverage\":%.2f}",
                setup.writers(), setup.institutions(), setup.rounds(), setup.seconds(),
                Math.round(sorted[sorted.length / 2]), Math.round(sorted[0]), Math.round(sorted[sorted.length - 1]),
                lag.median(), lag.p99(), lag.max(), entries, verification.entriesChecked(),
                verification.ok() && verification.entriesChecked() == entries,
                cpuMsPerWrite, Math.round(1000 / cpuMsPerWrite),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** One signed-in officer of one institution, recording a change per short transaction until told to stop. */
    private record Writer(int number, UUID institution, AuditTrail audit, TransactionTemplate transactions,
                          LongAdder committed, AtomicReference<Throwable> failure) implements Runnable {
        @Override
        public void run() {
            Actor officer = new BenchActor(UUID.nameUUIDFromBytes(("bench-officer-" + number).getBytes()),
                    "bench-officer-" + number, institution);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(officer, null, List.of()));
            long loan = number * 1_000_000_000L;
            try {
                while (!stopping) {
                    long id = loan++;
                    transactions.executeWithoutResult(tx -> audit.record(AuditRecord.changed("bench.loan.repaid", "loan",
                            id, institution, Map.of("status", "ACTIVE", "outstanding", "10000.00"),
                            Map.of("status", "ACTIVE", "outstanding", "9120.55"))));
                    committed.increment();
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    private record BenchActor(UUID actorId, String actorName, UUID actorOrganisationId) implements Actor {
        @Override
        public boolean seesAllInstitutions() {
            return false;
        }
    }

    private record Lag(double median, double p99, double max) {
    }

    /**
     * Milliseconds from recording to sealing for entries recorded while measuring, once the
     * background sealer has caught up; zero where entries are chained as they are written.
     */
    private static Lag sealLag(JdbcClient superuser, Instant measuredFrom) throws InterruptedException {
        if (superuser.sql("select to_regclass('audit_seal') is null").query(Boolean.class).single()) {
            return new Lag(0, 0, 0);
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && superuser.sql("""
                select count(*) from audit_entry e where not exists (select from audit_seal s where s.entry_seq = e.seq)
                """).query(Long.class).single() > 0) {
            Thread.sleep(50);
        }
        return superuser.sql("""
                select percentile_cont(0.5) within group (order by ms) as median,
                       percentile_cont(0.99) within group (order by ms) as p99, max(ms) as max
                from (select extract(epoch from s.sealed_at - e.occurred_at) * 1000 as ms
                      from audit_entry e join audit_seal s on s.entry_seq = e.seq where e.occurred_at >= ?) lags
                """).param(Timestamp.from(measuredFrom))
                .query((rs, n) -> new Lag(rs.getDouble("median"), rs.getDouble("p99"), rs.getDouble("max"))).single();
    }

    /**
     * CPU time used so far by this JVM and by the embedded PostgreSQL (the postmaster's children
     * from {@code /proc}, Linux only; 0 elsewhere): what an audited write costs whatever else the
     * machine is running.
     */
    private static long cpuNanos(JdbcClient superuser) {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long backend = superuser.sql("select pg_backend_pid()").query(Long.class).single();
        try {
            long postmaster = procStat(Path.of("/proc", String.valueOf(backend), "stat"))[0];
            long ticks = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    long[] stat = procStat(process.resolve("stat"));
                    if (stat != null && stat[0] == postmaster) {
                        ticks += stat[1];
                    }
                }
            }
            return jvm + ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException notLinux) {
            return jvm;
        }
    }

    /** @return {parent pid, user + system ticks} of one process, or null if it has gone */
    private static long[] procStat(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12])};
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
