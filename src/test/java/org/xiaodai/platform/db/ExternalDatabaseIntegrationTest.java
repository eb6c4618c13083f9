package org.xiaodai.platform.db;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.XiaodaiApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** With spring.datasource.url set, the app uses that database: no embedded server, no demo data. */
class ExternalDatabaseIntegrationTest {

    @Test
    void aConfiguredDatasourceUrlIsUsedAndNothingEmbeddedStarts() {
        Path externalDir = Path.of("target/test-pg/external-" + UUID.randomUUID());
        try (EmbeddedPostgres external = EmbeddedPostgres.start(externalDir, 0, "external_xiaodai");
             ConfigurableApplicationContext context = new SpringApplicationBuilder(XiaodaiApplication.class)
                     .web(WebApplicationType.NONE)
                     .run("--spring.datasource.url=" + external.jdbcUrl(),
                             "--spring.datasource.username=postgres", "--spring.datasource.password=",
                             "--xiaodai.iam.bootstrap-admin-password=Root@Test2026x",
                             "--logging.structured.format.console=")) {
            assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("external_xiaodai");
            assertThat(jdbc.sql("select count(*) from iam_user where username = 'admin'").query(Long.class).single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from iam_organisation where kind <> 'PLATFORM'").query(Long.class).single())
                    .as("no demo region on an external database").isZero();
        }
    }
}
