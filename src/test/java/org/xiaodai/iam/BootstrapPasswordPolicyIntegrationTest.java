package org.xiaodai.iam;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.xiaodai.support.AppProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first-admin password that breaks the password policy is an operator's mistake, not a bug: the
 * application, started as an operator starts it, stops with one line that names the setting and
 * the broken rule, instead of a stack trace to dig through.
 */
class BootstrapPasswordPolicyIntegrationTest {

    @Test
    void aBootstrapPasswordThatBreaksThePolicyStopsTheStartWithOneLineNamingTheRule() throws Exception {
        Path dataDir = Path.of("target/test-pg/bad-bootstrap-" + UUID.randomUUID()).toAbsolutePath();
        try (AppProcess app = AppProcess.start(Map.of("XIAODAI_BOOTSTRAP_ADMIN_PASSWORD", "Short@1x",
                        "XIAODAI_EMBEDDED_DB_DATA_DIR", dataDir.toString(), "XIAODAI_EMBEDDED_DB_PORT", "0",
                        "SERVER_PORT", "0", "XIAODAI_DEMO", "false", "LOGGING_STRUCTURED_FORMAT_CONSOLE", ""),
                "--xiaodai.embedded-db.ephemeral=true")) {
            int status = app.awaitExit(Duration.ofMinutes(5));
            String output = app.output();

            assertThat(status).as(output).isNotZero();
            assertThat(output.lines()).as(output).contains(
                    "XIAODAI_BOOTSTRAP_ADMIN_PASSWORD breaks the password policy: must be at least 10 characters long");
            assertThat(output).as("no stack trace").doesNotContain("\tat org.xiaodai.");
            assertThat(output).doesNotContain("Started XiaodaiApplication");
            assertThat(dataDir.resolve("postmaster.pid")).as("the embedded PostgreSQL stopped").doesNotExist();
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
