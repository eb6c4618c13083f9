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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With spring.datasource.url set, the app uses that database: no embedded server, no demo data.
 * The "external" server here is a cluster whose roles were made by {@code db/roles/create-roles.sql},
 * as a DBA would, and the app is configured as the README says: the application's pool as
 * {@code xiaodai_app}, Flyway as {@code xiaodai_owner}.
 */
class ExternalDatabaseIntegrationTest {

    @Test
    void aConfiguredDatasourceUrlIsUsedAndNothingEmbeddedStarts() {
        Path externalDir = Path.of("target/test-pg/external-" + UUID.randomUUID());
        try (EmbeddedPostgres external = EmbeddedPostgres.start(externalDir, 0, "external_xiaodai")) {
            external.deleteDataOnClose();
            DatabaseCredentials credentials = external.credentials();
            try (ConfigurableApplicationContext context = start(external.jdbcUrl(),
                    "--spring.datasource.username=xiaodai_app", "--spring.datasource.password=" + credentials.appPassword(),
                    "--spring.flyway.user=xiaodai_owner", "--spring.flyway.password=" + credentials.ownerPassword())) {
                assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
                JdbcClient jdbc = context.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("external_xiaodai");
                assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("xiaodai_app");
                JdbcClient owner = JdbcClient.create(new org.springframework.jdbc.datasource.SimpleDriverDataSource(
                        new org.postgresql.Driver(), external.jdbcUrl(), "xiaodai_owner", credentials.ownerPassword()));
                assertThat(owner.sql("select count(*) from iam_user where username = 'admin'").query(Long.class).single())
                        .isEqualTo(1);
                assertThat(owner.sql("select count(*) from iam_organisation where kind <> 'PLATFORM'").query(Long.class).single())
                        .as("no demo region on an external database").isZero();
                assertThat(owner.sql("select tableowner from pg_tables where tablename = 'iam_user'").query(String.class)
                        .single()).isEqualTo("xiaodai_owner");
            }
        }
    }

    @Test
    void refusesToStartWhenTheApplicationConnectsAsASuperuser() {
        Path externalDir = Path.of("target/test-pg/external-" + UUID.randomUUID());
        try (EmbeddedPostgres external = EmbeddedPostgres.start(externalDir, 0, "external_xiaodai")) {
            external.deleteDataOnClose();
            assertThatThrownBy(() -> start(external.jdbcUrl(), "--spring.datasource.username=postgres",
                    "--spring.datasource.password=" + external.credentials().superuserPassword()).close())
                    .hasStackTraceContaining("is a superuser");
        }
    }

    private static ConfigurableApplicationContext start(String url, String... more) {
        String[] common = {"--spring.datasource.url=" + url, "--xiaodai.iam.bootstrap-admin-password=Root@Test2026x",
                "--logging.structured.format.console="};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(common), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(XiaodaiApplication.class).web(WebApplicationType.NONE).run(args);
    }
}
