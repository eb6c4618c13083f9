package org.xiaodai.platform.db;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.XiaodaiApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With spring.datasource.url set, the app uses that database: no embedded server, no demo data.
 * The "external" server here is a cluster whose roles were made by {@code db/roles/create-roles.sql},
 * as a DBA would, and the app is configured as the README's table says, through environment
 * variables ({@link #SETTINGS}): the application's pool as {@code xiaodai_app}, Flyway as
 * {@code xiaodai_owner}.
 */
public class ExternalDatabaseIntegrationTest {

    /** The README's external-database settings, all of which this test sets. */
    public static final List<String> SETTINGS = List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD", "SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD");

    @Test
    void aConfiguredDatasourceUrlIsUsedAndNothingEmbeddedStarts() {
        Path externalDir = Path.of("target/test-pg/external-" + UUID.randomUUID());
        try (EmbeddedPostgres external = EmbeddedPostgres.start(externalDir, 0, "external_xiaodai")) {
            external.deleteDataOnClose();
            DatabaseCredentials credentials = external.credentials();
            try (ConfigurableApplicationContext context = start(Map.of("SPRING_DATASOURCE_URL", external.jdbcUrl(),
                    "SPRING_DATASOURCE_USERNAME", "xiaodai_app", "SPRING_DATASOURCE_PASSWORD", credentials.appPassword(),
                    "SPRING_FLYWAY_USER", "xiaodai_owner", "SPRING_FLYWAY_PASSWORD", credentials.ownerPassword()))) {
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
            assertThatThrownBy(() -> start(Map.of("SPRING_DATASOURCE_URL", external.jdbcUrl(),
                    "SPRING_DATASOURCE_USERNAME", "postgres",
                    "SPRING_DATASOURCE_PASSWORD", external.credentials().superuserPassword())).close())
                    .hasStackTraceContaining("is a superuser");
        }
    }

    /**
     * Starts the app in this JVM with {@code variables} as its whole process environment: Spring's
     * own environment-variable source over a map, so they bind exactly as real ones would.
     */
    private static ConfigurableApplicationContext start(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.copyOf(variables)));
        return new SpringApplicationBuilder(XiaodaiApplication.class).web(WebApplicationType.NONE).environment(environment)
                .run("--xiaodai.iam.bootstrap-admin-password=Root@Test2026x", "--logging.structured.format.console=");
    }
}
