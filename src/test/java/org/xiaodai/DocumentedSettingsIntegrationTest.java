package org.xiaodai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;
import org.xiaodai.platform.db.ExternalDatabaseIntegrationTest;
import org.xiaodai.support.Api;
import org.xiaodai.support.AppProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The README's configuration table is true: the application, started in its own process with
 * every setting of the table given as an environment variable (none at its default), shows each
 * one taking effect. One start for all of them keeps it to a few seconds of the build. The
 * external-database rows cannot share a start with the embedded ones and are checked by
 * {@link ExternalDatabaseIntegrationTest}.
 */
class DocumentedSettingsIntegrationTest {

    static final Path README = Path.of("README.md");
    static final String ADMIN_PASSWORD = "Env@Bootstrap2026";
    static final int LOGIN_ATTEMPTS_PER_MINUTE = 8;
    static final int CALCULATOR_REQUESTS_PER_MINUTE = 3;
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(37);
    static final Duration LOCK_DURATION = Duration.ofMinutes(7);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theReadmeTableListsExactlyTheSettingsThisTestAndTheExternalDatabaseTestSet() throws IOException {
        Set<String> checked = new TreeSet<>(environment(Path.of("unused"), 1, 2).keySet());
        checked.addAll(ExternalDatabaseIntegrationTest.SETTINGS);
        checked.addAll(org.xiaodai.platform.events.KafkaFeedIntegrationTest.SETTINGS);
        checked.addAll(org.xiaodai.analytics.AnalyticsIntegrationTest.SETTINGS);
        assertThat(readmeSettings()).isEqualTo(checked);
    }

    @Test
    void everyDocumentedSettingGivenAsAnEnvironmentVariableTakesEffect() throws Exception {
        Path dataDir = Path.of("target/test-pg/settings-" + UUID.randomUUID()).toAbsolutePath();
        int httpPort = AppProcess.freePort();
        int dbPort = AppProcess.freePort();
        try (AppProcess app = AppProcess.start(environment(dataDir, httpPort, dbPort),
                "--xiaodai.embedded-db.ephemeral=true")) {
            app.awaitStarted(Duration.ofMinutes(5)); // ~15 s on an idle machine; CI boxes are shared
            Api api = new Api(httpPort);

            // SERVER_PORT
            assertThat(api.get("/actuator/health", null).body()).contains("\"UP\"");
            // XIAODAI_EMBEDDED_DB_DATA_DIR, XIAODAI_EMBEDDED_DB_PORT
            assertThat(dataDir.resolve("PG_VERSION")).exists();
            assertThat(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim()).isEqualTo(Integer.toString(dbPort));
            try (Connection connection = superuser(dataDir, dbPort)) {
                JdbcClient db = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                // XIAODAI_DEMO=false
                assertThat(db.sql("select count(*) from iam_organisation where kind <> 'PLATFORM'").query(Long.class)
                        .single()).as("no demo region").isZero();
                assertThat(api.post("/api/v1/auth/token", null, Map.of("username", "a-admin", "password",
                        Api.DEMO_PASSWORD)).status()).isEqualTo(401);
                // XIAODAI_BOOTSTRAP_ADMIN_PASSWORD, XIAODAI_IAM_TOKEN_LIFETIME
                Api.Response token = api.post("/api/v1/auth/token", null, Map.of("username", "admin", "password",
                        ADMIN_PASSWORD));
                assertThat(token.status()).as(token.body()).isEqualTo(200);
                Instant expires = Instant.parse(token.json().get("expiresAt").asString());
                assertThat(Duration.between(Instant.now(), expires).toSeconds())
                        .isCloseTo(TOKEN_LIFETIME.toSeconds(), within(120L));
                String admin = token.json().get("token").asString();
                // XIAODAI_IAM_MAX_FAILED_LOGINS=2, XIAODAI_IAM_LOCK_DURATION
                checkLockout(api, admin, db);
                // XIAODAI_PRODUCT_RATE_CAP_MODE=FLAG, XIAODAI_PRODUCT_RATE_CAP_LPR_MULTIPLE=3.5
                JsonNode benchmark = api.get("/api/v1/lpr/benchmark?date=2025-06-01", admin).json();
                assertThat(benchmark.get("rateCapMode").asString()).isEqualTo("FLAG");
                assertThat(benchmark.get("capPercent").asString()).as("3.5 × the 1-year LPR of 3.00 %").isEqualTo("10.50");
                // XIAODAI_API_MAX_BODY_SIZE=2KB
                assertThat(createUser(api, admin, "x".repeat(1500)).status()).as("a body under the limit").isEqualTo(400);
                assertThat(createUser(api, admin, "x".repeat(3000)).status()).as("a body over the limit").isEqualTo(413);
            }
            // XIAODAI_IAM_LOGIN_ATTEMPTS_PER_MINUTE: four attempts so far (two tokens, two wrong passwords)
            assertThat(firstRefusedAttempt(api, 4)).as("the attempt first answered 429")
                    .isBetween(LOGIN_ATTEMPTS_PER_MINUTE + 1, LOGIN_ATTEMPTS_PER_MINUTE + 3);
            // XIAODAI_CALCULATOR_REQUESTS_PER_MINUTE
            for (int i = 0; i < CALCULATOR_REQUESTS_PER_MINUTE; i++) {
                assertThat(calculate(api)).as("calculation %d", i + 1).isNotEqualTo(429);
            }
            assertThat(calculate(api)).isEqualTo(429);
            // XIAODAI_EOD_SCHEDULE
            assertThat(app.output()).contains("End of day scheduled (0 17 3 * * MON in Asia/Shanghai)");
            // XIAODAI_LOG_FORMAT=json
            JsonNode started = JSON.readTree(app.output().lines().filter(l -> l.contains("Started XiaodaiApplication"))
                    .findFirst().orElseThrow());
            assertThat(started.has("@timestamp") && started.path("ecs").has("version"))
                    .as("an ECS JSON line: " + started).isTrue();
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /** Every row of the table, none at its default. */
    static Map<String, String> environment(Path dataDir, int httpPort, int dbPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(httpPort));
        env.put("XIAODAI_EMBEDDED_DB_DATA_DIR", dataDir.toString());
        env.put("XIAODAI_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        env.put("XIAODAI_DEMO", "false");
        env.put("XIAODAI_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("XIAODAI_IAM_MAX_FAILED_LOGINS", "2");
        env.put("XIAODAI_IAM_LOCK_DURATION", LOCK_DURATION.toMinutes() + "m");
        env.put("XIAODAI_IAM_TOKEN_LIFETIME", TOKEN_LIFETIME.toMinutes() + "m");
        env.put("XIAODAI_IAM_LOGIN_ATTEMPTS_PER_MINUTE", Integer.toString(LOGIN_ATTEMPTS_PER_MINUTE));
        env.put("XIAODAI_CALCULATOR_REQUESTS_PER_MINUTE", Integer.toString(CALCULATOR_REQUESTS_PER_MINUTE));
        env.put("XIAODAI_PRODUCT_RATE_CAP_MODE", "FLAG");
        env.put("XIAODAI_PRODUCT_RATE_CAP_LPR_MULTIPLE", "3.5");
        env.put("XIAODAI_API_MAX_BODY_SIZE", "2KB");
        env.put("XIAODAI_LOG_FORMAT", "json");
        env.put("XIAODAI_EOD_SCHEDULE", "0 17 3 * * MON");
        return env;
    }

    /** One wrong password leaves the account open, the second locks it for the configured time. */
    private static void checkLockout(Api api, String admin, JdbcClient db) {
        String username = "locky-" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response created = api.post("/api/v1/users", admin, Map.of("username", username,
                "displayName", "Lock test", "dataScope", "ALL", "initialPassword", "Initial@2026pw"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        api.post("/api/v1/auth/token", null, Map.of("username", username, "password", "Wrong@2026pw1"));
        assertThat(lockedUntil(db, username)).as("locked after one wrong password").isNull();
        api.post("/api/v1/auth/token", null, Map.of("username", username, "password", "Wrong@2026pw2"));
        Instant lockedUntil = lockedUntil(db, username);
        assertThat(lockedUntil).as("locked after the second").isNotNull();
        assertThat(Duration.between(Instant.now(), lockedUntil).toSeconds())
                .isCloseTo(LOCK_DURATION.toSeconds(), within(120L));
    }

    private static Instant lockedUntil(JdbcClient db, String username) {
        return db.sql("select locked_until from iam_user where username = ?").param(username)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .single().orElse(null);
    }

    private static Api.Response createUser(Api api, String admin, String displayName) {
        return api.post("/api/v1/users", admin, Map.of("username", "big", "displayName", displayName,
                "dataScope", "ALL", "initialPassword", "Initial@2026pw"));
    }

    /** Sign-in attempts with an unknown user until one is throttled; its number counting {@code before} earlier ones. */
    private static int firstRefusedAttempt(Api api, int before) {
        for (int attempt = before + 1; attempt <= before + 40; attempt++) {
            int status = api.post("/api/v1/auth/token", null, Map.of("username", "nobody", "password", "Wrong@2026pw"))
                    .status();
            if (status == 429) {
                return attempt;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int calculate(Api api) {
        return api.post("/api/v1/calculator/schedule", null, Map.of("principal", "10000",
                "annualInterestRatePercent", "12", "termMonths", 12)).status();
    }

    private static Connection superuser(Path dataDir, int port) throws IOException, SQLException {
        Properties credentials = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("xiaodai-credentials.properties"))) {
            credentials.load(in);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/xiaodai", "postgres",
                credentials.getProperty("superuser"));
    }

    /** The environment variables named in the first column of the README's configuration table. */
    static Set<String> readmeSettings() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("## Configuration");
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        for (String line : readme.substring(start, end).lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(line.split("\\|")[1]);
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        assertThat(names).as("settings in the README's configuration table").isNotEmpty();
        return names;
    }
}
