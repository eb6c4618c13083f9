package org.xiaodai.platform.db;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health endpoint is what load balancers call most: it probes the database through the
 * application's pool and never opens a connection of its own (each would be a SCRAM handshake
 * and a backend fork).
 */
@IntegrationTest
class DatabaseHealthIntegrationTest {

    private static final int PROBES = 20;
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @Test
    void healthProbesTheDatabaseThroughThePoolWithoutOpeningConnections() throws Exception {
        long before = sessionsEverOpened();
        for (int i = 0; i < PROBES; i++) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
        Thread.sleep(200);
        // the two reads of the counter open a session each; a probe per DataSource would add 2 × PROBES
        assertThat(sessionsEverOpened() - before).isLessThan(PROBES / 2);
    }

    /** PostgreSQL's count of sessions ever established to this database. */
    private long sessionsEverOpened() {
        return superuser.sql("select sessions from pg_stat_database where datname = current_database()")
                .query(Long.class).single();
    }
}
