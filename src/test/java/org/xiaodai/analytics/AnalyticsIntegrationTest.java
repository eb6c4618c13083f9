package org.xiaodai.analytics;

import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.analytics.internal.AnalyticsProperties;
import org.xiaodai.analytics.internal.AnalyticsReadsTestAccess;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboards' data: the regulator reads the region and any institution, an institution only its
 * own (another's is a 404, the region a 403), the association the region's aggregates but no
 * institution table or borrower; CSV downloads; the drill-down list; and the read-only connection of
 * {@code xiaodai.analytics.datasource.*} keeps the tenant wall and refuses writes.
 */
@IntegrationTest
public class AnalyticsIntegrationTest {

    /** The README settings this test checks (beside DocumentedSettingsIntegrationTest's). */
    public static final Set<String> SETTINGS = Set.of("XIAODAI_ANALYTICS_DATASOURCE_URL");

    @LocalServerPort
    int port;
    @Autowired
    DataSource application;
    @Autowired
    org.xiaodai.shared.demo.DemoSeeding seeding;
    JdbcClient superuser;
    Api api;
    String hzxd;
    String nbxd;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        hzxd = superuser.sql("select id::text from iam_organisation where code = 'HZXD'").query(String.class).single();
        nbxd = superuser.sql("select id::text from iam_organisation where code = 'NBXD'").query(String.class).single();
    }

    @Test
    void theRegulatorReadsTheRegionAndEveryInstitutionAnInstitutionOnlyItsOwn() {
        assertThat(seeding.awaitQuiet(java.time.Duration.ofMinutes(3))).as("demo data complete").isTrue();
        String regulator = api.token("regulator", Api.DEMO_PASSWORD);
        Api.Response institutions = api.get("/api/v1/analytics/region/charts?chart=institutions", regulator);
        assertThat(institutions.status()).as(institutions.body()).isEqualTo(200);
        long hzxdLoans = superuser.sql("""
                select count(*) from servicing_loan where institution_id = ?::uuid and status in ('ACTIVE', 'OVERDUE')
                  and disbursement_date is not null""").param(hzxd).query(Long.class).single();
        for (JsonNode row : institutions.json().get("rows")) {
            if (row.get(0).asString().equals(hzxd)) {
                assertThat(row.get(2).asLong()).isEqualTo(hzxdLoans);
            }
        }
        for (String chart : new String[] {"trends", "distribution", "vintage", "roll-rates", "exposures"}) {
            assertThat(api.get("/api/v1/analytics/institutions/" + nbxd + "/charts?chart=" + chart, regulator).status())
                    .as(chart).isEqualTo(200);
        }
        Api.Response csv = api.get("/api/v1/analytics/region/charts?chart=distribution&by=grade&format=csv", regulator);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("grade,loans,balance\r\n");
        assertThat(api.get("/api/v1/analytics/region/charts?chart=nonsense", regulator).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/analytics/region/charts?chart=distribution&by=x", regulator).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/analytics/region/charts?format=pdf", regulator).status()).isEqualTo(400);

        String aAdmin = api.token("a-admin", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/analytics/institutions/" + hzxd + "/charts?chart=distribution&by=product", aAdmin).status())
                .isEqualTo(200);
        Api.Response loans = api.get("/api/v1/analytics/institutions/" + hzxd + "/loans?grade=NORMAL&size=5", aAdmin);
        assertThat(loans.status()).as(loans.body()).isEqualTo(200);
        loans.json().get("items").forEach(l -> assertThat(l.get("grade").asString()).isEqualTo("NORMAL"));
        assertThat(api.get("/api/v1/analytics/institutions/" + nbxd + "/charts?chart=trends", aAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/analytics/institutions/" + nbxd + "/loans", aAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/analytics/region/charts", aAdmin).status()).isEqualTo(403);
        Api.Response exposures = api.get("/api/v1/analytics/institutions/" + hzxd + "/charts?chart=exposures", aAdmin);
        exposures.json().get("rows").forEach(r -> assertThat(r.get(0).asString()).isEqualTo("HZXD"));
    }

    @Test
    void theAssociationSeesRegionAggregatesButNoInstitutionOrBorrower() {
        String association = api.token("association", Api.DEMO_PASSWORD);
        for (String chart : new String[] {"trends", "distribution", "vintage", "roll-rates"}) {
            Api.Response r = api.get("/api/v1/analytics/region/charts?chart=" + chart, association);
            assertThat(r.status()).as(chart).isEqualTo(200);
            assertThat(r.body()).doesNotContain(hzxd, nbxd, "HZXD", "NBXD");
        }
        assertThat(api.get("/api/v1/analytics/region/charts?chart=exposures", association).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/analytics/region/charts?chart=institutions", association).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/analytics/institutions/" + hzxd + "/charts", association).status()).isEqualTo(403);
    }

    @Test
    void aReplicaConnectionKeepsTheTenantWallAndRefusesWrites() {
        HikariDataSource primary = (HikariDataSource) application;
        var reads = AnalyticsReadsTestAccess.create(application, new AnalyticsProperties(new AnalyticsProperties.Datasource(
                primary.getJdbcUrl(), primary.getUsername(), primary.getPassword(), 2)));
        try {
            assertThat(AnalyticsReadsTestAccess.onReplica(reads)).isTrue();
            UUID institution = UUID.fromString(hzxd);
            long seen = TenantWall.asInstitution(institution, () -> AnalyticsReadsTestAccess.read(reads, jdbc ->
                    jdbc.sql("select count(distinct institution_id) from servicing_loan").query(Long.class).single()));
            assertThat(seen).as("one institution through the wall").isEqualTo(1);
            long none = AnalyticsReadsTestAccess.read(reads, jdbc ->
                    jdbc.sql("select count(*) from servicing_loan").query(Long.class).single());
            assertThat(none).as("no setting, no tenant rows").isZero();
            assertThatThrownBy(() -> TenantWall.asInstitution(institution, () -> AnalyticsReadsTestAccess.read(reads, jdbc ->
                    jdbc.sql("update servicing_loan set row_version = row_version where false").update())))
                    .hasMessageContaining("read-only");
        } finally {
            AnalyticsReadsTestAccess.close(reads);
        }
    }
}
