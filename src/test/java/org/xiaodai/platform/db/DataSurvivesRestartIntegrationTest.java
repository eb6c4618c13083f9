package org.xiaodai.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.XiaodaiApplication;

/** The application on a persistent data dir: closing it stops PostgreSQL cleanly, data is there next time. */
class DataSurvivesRestartIntegrationTest {

    private final Path dataDir = Path.of("target/restart-pg", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void aRowWrittenBeforeACleanShutdownIsReadAfterTheNextStart() {
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = JdbcClient.create(first.getBean("operationsDataSource", javax.sql.DataSource.class));
            jdbc.sql("create table restart_probe (id int primary key, note text)").update();
            jdbc.sql("insert into restart_probe values (1, '重启后仍在')").update();
        }
        assertThat(dataDir.resolve("postmaster.pid")).as("PostgreSQL stopped with the context").doesNotExist();
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            assertThat(JdbcClient.create(second.getBean("operationsDataSource", javax.sql.DataSource.class)).sql("select note from restart_probe where id = 1")
                    .query(String.class).single()).isEqualTo("重启后仍在");
        }
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    private ConfigurableApplicationContext start() {
        // command-line arguments, because builder default properties rank below application.yaml
        return new SpringApplicationBuilder(XiaodaiApplication.class).web(WebApplicationType.NONE).run(
                "--xiaodai.embedded-db.data-dir=" + dataDir, "--xiaodai.embedded-db.port=0", "--xiaodai.demo=false",
                "--logging.structured.format.console=");
    }
}
