package org.xiaodai.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.XiaodaiApplication;

/**
 * The command-line entry point as documented in docs/operations.md, minus the JVM exit
 * ({@code xiaodai.ops.exit=false}): the exit status comes from {@link SpringApplication#exit}.
 */
class OpsCommandRunnerIntegrationTest {

    private final Path root = Path.of("target/ops-cli", UUID.randomUUID().toString()).toAbsolutePath();
    private final Path file = root.resolve("backups/xiaodai.zip");

    @Test
    void backupCommandOnOneDataDirAndRestoreCommandOnAnotherMoveTheData() {
        try (ConfigurableApplicationContext app = start("source")) {
            JdbcClient jdbc = JdbcClient.create(app.getBean("operationsDataSource", javax.sql.DataSource.class));
            jdbc.sql("create table cli_probe (id int generated always as identity primary key, note text)").update();
            jdbc.sql("insert into cli_probe (note) values ('备份')").update();
        }
        assertThat(exitStatus(start("source", "--xiaodai.ops.command=backup", "--xiaodai.ops.file=" + file))).isZero();
        assertThat(file).isRegularFile();

        ConfigurableApplicationContext restore = start("target", "--xiaodai.ops.command=restore",
                "--xiaodai.ops.file=" + file);
        String note = JdbcClient.create(restore.getBean("operationsDataSource", javax.sql.DataSource.class)).sql("select note from cli_probe").query(String.class).single();
        assertThat(exitStatus(restore)).isZero();
        assertThat(note).isEqualTo("备份");
    }

    @Test
    void failingCommandExitsWithStatusOne() {
        assertThat(exitStatus(start("empty", "--xiaodai.ops.command=restore",
                "--xiaodai.ops.file=" + root.resolve("missing.zip")))).isEqualTo(1);
    }

    private static int exitStatus(ConfigurableApplicationContext context) {
        return SpringApplication.exit(context);
    }

    private ConfigurableApplicationContext start(String dataDir, String... command) {
        List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--xiaodai.embedded-db.data-dir=" + root.resolve(dataDir), "--xiaodai.embedded-db.port=0",
                "--xiaodai.demo=false", "--xiaodai.ops.exit=false", "--logging.structured.format.console="));
        args.addAll(List.of(command));
        return new SpringApplicationBuilder(XiaodaiApplication.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}
