package org.xiaodai.platform.db;

import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateOutput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Migrations are versioned by timestamp, and parallel work merges in any order: a migration
 * written on one branch may carry an older timestamp than one that another branch already
 * applied. With the application's Flyway configuration ({@code spring.flyway.out-of-order}) it
 * is still applied, not refused at start-up. Checked on a throw-away schema, so the application's
 * own history is untouched.
 */
@IntegrationTest
class FlywayOutOfOrderIntegrationTest {

    @Autowired
    Flyway applicationFlyway;
    @Autowired
    @Qualifier("operationsDataSource")
    DataSource superuser;

    @Test
    void aMigrationOlderThanTheLatestAppliedOneIsStillApplied() {
        String schema = "out_of_order_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            probe(schema, "classpath:db/out-of-order/newer").migrate();

            Flyway merged = probe(schema, "classpath:db/out-of-order/newer", "classpath:db/out-of-order/older");
            var result = merged.migrate();

            assertThat(result.success).isTrue();
            assertThat(result.migrations).extracting((MigrateOutput m) -> m.version).containsExactly("20300101.0900");
            // in the order they ran, without the schema-creation marker
            var applied = Arrays.stream(merged.info().applied()).filter(m -> m.getVersion() != null);
            assertThat(applied).extracting(m -> m.getVersion().getVersion(), MigrationInfo::getState).containsExactly(
                    tuple("20300102.0900", MigrationState.SUCCESS), tuple("20300101.0900", MigrationState.OUT_OF_ORDER));
            assertThat(JdbcClient.create(superuser).sql("select count(*) from information_schema.tables "
                    + "where table_schema = ? and table_name in ('probe_newer', 'probe_older')").param(schema)
                    .query(Long.class).single()).isEqualTo(2);
        } finally {
            JdbcClient.create(superuser).sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    /** The application's Flyway settings, pointed at {@code schema} and the given migrations. */
    private Flyway probe(String schema, String... locations) {
        return Flyway.configure().configuration(applicationFlyway.getConfiguration())
                .schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations(locations)
                .load();
    }
}
