package org.xiaodai.platform.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL and points the application's {@link DataSource} at it, unless
 * {@code spring.datasource.url} (e.g. {@code SPRING_DATASOURCE_URL}) names an external database,
 * in which case nothing here is created and Spring Boot's own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

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
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgres.SUPERUSER);
        dataSource.setPassword("");
        dataSource.setPoolName("xiaodai");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
