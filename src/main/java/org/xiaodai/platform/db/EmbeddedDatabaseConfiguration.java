package org.xiaodai.platform.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.Driver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Starts the embedded PostgreSQL and points the application at it, unless
 * {@code spring.datasource.url} (e.g. {@code SPRING_DATASOURCE_URL}) names an external database,
 * in which case nothing here is created and Spring Boot's own DataSource is used. Three
 * connections, three roles: the application's pool logs in as {@code xiaodai_app} (owns nothing,
 * cannot bypass row-level security), Flyway as the schema owner {@code xiaodai_owner}, and
 * operations commands (backup, restore) as the cluster's superuser.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    /** The bean name of the superuser DataSource operations commands use. */
    static final String OPERATIONS = "operationsDataSource";

    /** Closed after the DataSource (which depends on it), so the pool drains before the server stops. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(properties.dataDir(), properties.port(), properties.database());
        if (properties.ephemeral()) {
            postgres.deleteDataOnClose();
        }
        return postgres;
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(DatabaseRoles.APP);
        dataSource.setPassword(postgres.credentials().appPassword());
        dataSource.setPoolName("xiaodai");
        dataSource.setMaximumPoolSize(properties.poolSize());
        return dataSource;
    }

    /**
     * The health check's database probe: the application's pool only. Spring Boot's own would probe
     * every DataSource bean, and the Flyway and operations ones are unpooled, so each health
     * request would open two new connections, each a SCRAM handshake (PBKDF2 in both processes)
     * and a backend fork, one of them as the cluster's superuser: the cheapest request of the app
     * would be its dearest, and a load balancer's probes could exhaust the database's connections.
     */
    @Bean
    HealthContributor dbHealthContributor(HikariDataSource dataSource) {
        return new DataSourceHealthIndicator(dataSource);
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedPostgres postgres) {
        return new SimpleDriverDataSource(new Driver(), postgres.jdbcUrl(), DatabaseRoles.OWNER,
                postgres.credentials().ownerPassword());
    }

    @Bean(OPERATIONS)
    DataSource operationsDataSource(EmbeddedPostgres postgres) {
        return new SimpleDriverDataSource(new Driver(), postgres.jdbcUrl(), EmbeddedPostgres.SUPERUSER,
                postgres.credentials().superuserPassword());
    }
}
