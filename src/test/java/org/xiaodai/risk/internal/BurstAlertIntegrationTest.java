package org.xiaodai.risk.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.origination.ApplicationBurst;
import org.xiaodai.origination.domain.Flag;
import org.xiaodai.origination.internal.VelocityBursts;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of applications from one client address: origination's velocity flags become {@link ApplicationBurst} events
 * carrying a keyed digest (never the address), and {@code application-burst} raises one alert per source and hour:
 * nothing below the rule's threshold, one alert above it however often the hour's events come, seen by the institution
 * and the regulator, 404 for another institution.
 */
@IntegrationTest
class BurstAlertIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    BurstFeed feed;
    @Autowired
    VelocityBursts bursts;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    private long alerts(String digest) {
        return superuser.sql("select count(*) from risk_alert where rule_code = 'application-burst' and subject like ?")
                .param("%:" + digest.substring(0, 16) + "@%").query(Long.class).single();
    }

    @Test
    void aBurstFromOneAddressRaisesOneAlertPerHourAboveTheThresholdOnly() {
        Api api = new Api(port);
        UUID hz = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        String address = "203.0.113." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
        Instant at = Instant.parse("2026-11-20T09:17:00Z").plusSeconds(3600L * Math.floorMod(UUID.randomUUID().hashCode(), 500));

        assertThat(bursts.of(UUID.randomUUID(), hz, List.of(Flag.of("MULTI_LENDING", 2)), address, "d-1", at))
                .as("no velocity flag, no event").isEmpty();
        List<ApplicationBurst> events = bursts.of(UUID.randomUUID(), hz, List.of(Flag.of("VELOCITY_ADDRESS", 4, 3)), address,
                null, at);
        assertThat(events).hasSize(1);
        ApplicationBurst below = events.getFirst();
        assertThat(below.source()).isEqualTo(ApplicationBurst.Source.ADDRESS);
        assertThat(below.sourceDigest()).doesNotContain(address).hasSizeGreaterThanOrEqualTo(16);
        assertThat(below.windowStart()).isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
        assertThat(feed.check(below)).as("4 applications in the hour, the rule fires at 5").isEmpty();
        assertThat(alerts(below.sourceDigest())).isZero();

        ApplicationBurst above = bursts.of(UUID.randomUUID(), hz, List.of(Flag.of("VELOCITY_ADDRESS", 6, 5)), address, null,
                at.plusSeconds(60)).getFirst();
        assertThat(above.sourceDigest()).as("the same address, the same digest").isEqualTo(below.sourceDigest());
        List<UUID> raised = feed.check(above);
        assertThat(raised).hasSize(1);
        assertThat(feed.check(above)).as("the same event delivered again").isEmpty();
        ApplicationBurst later = bursts.of(UUID.randomUUID(), hz, List.of(Flag.of("VELOCITY_ADDRESS", 9, 5)), address, null,
                at.plusSeconds(600)).getFirst();
        assertThat(feed.check(later)).as("another submission over the limit in the same hour").isEmpty();
        assertThat(alerts(above.sourceDigest())).isEqualTo(1);

        String id = raised.getFirst().toString();
        JsonNode alert = api.get("/api/v1/risk/alerts/" + id, api.token("a-admin", Api.DEMO_PASSWORD)).json().get("alert");
        assertThat(alert.get("ruleCode").asString()).isEqualTo("application-burst");
        assertThat(alert.get("subjectLabel").asString()).contains("客户端地址", "Client address", "6", above.sourceDigest()
                .substring(0, 8)).doesNotContain(address);
        assertThat(api.get("/api/v1/risk/alerts/" + id, api.token("regulator", Api.DEMO_PASSWORD)).body())
                .doesNotContain(address);
        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/risk/alerts/" + id, bAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/risk/alerts?size=200", bAdmin).body()).doesNotContain(id);
    }

    /** A device is its own source, and the same address at another institution is another digest (and alert). */
    @Test
    void devicesAndInstitutionsAreSeparateSources() {
        UUID hz = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        UUID nb = superuser.sql("select id from iam_organisation where code = 'NBXD'").query(UUID.class).single();
        String address = "198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
        String device = "fp-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-10-01T02:05:00Z").plusSeconds(3600L * Math.floorMod(UUID.randomUUID().hashCode(), 500));
        List<ApplicationBurst> both = bursts.of(UUID.randomUUID(), hz,
                List.of(Flag.of("VELOCITY_DEVICE", 7, 5), Flag.of("VELOCITY_ADDRESS", 7, 5)), address, device, at);
        assertThat(both).extracting(ApplicationBurst::source)
                .containsExactly(ApplicationBurst.Source.DEVICE, ApplicationBurst.Source.ADDRESS);
        assertThat(feed.check(both.get(0))).hasSize(1);
        assertThat(feed.check(both.get(1))).hasSize(1);
        ApplicationBurst elsewhere = bursts.of(UUID.randomUUID(), nb, List.of(Flag.of("VELOCITY_ADDRESS", 7, 5)), address,
                null, at).getFirst();
        assertThat(elsewhere.sourceDigest()).isNotEqualTo(both.get(1).sourceDigest());
        List<UUID> raised = feed.check(elsewhere);
        assertThat(raised).hasSize(1);
        assertThat(superuser.sql("select institution_id from risk_alert where id = ?").param(raised.getFirst())
                .query(UUID.class).single()).isEqualTo(nb);
    }
}
