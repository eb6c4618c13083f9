package org.xiaodai.platform.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL started when no {@code SPRING_DATASOURCE_URL} is set.
 *
 * @param dataDir  where the cluster lives; survives restarts
 * @param port     TCP port on 127.0.0.1; 0 picks a free one (tests)
 * @param database database created on first start
 * @param ephemeral delete the data dir when the application stops (tests); never for real data
 * @param poolSize connections in the application's pool
 */
@ConfigurationProperties("xiaodai.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/pg") Path dataDir,
        @DefaultValue("15432") int port,
        @DefaultValue("xiaodai") String database,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("20") int poolSize) {
}
