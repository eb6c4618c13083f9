package org.xiaodai.product;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The LPR table is region-wide reference data: everybody reads it (with the published history),
 * only the platform operator adds to it, and the database refuses every other write.
 */
@IntegrationTest
class LprTableIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource app;
    @Autowired
    TransactionTemplate transactions;
    Api api;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void everyoneReadsTheTableWithThePublishedHistoryAndTheBenchmark() {
        for (String user : java.util.List.of("a-officer", "b-finance", "regulator")) {
            Api.Response table = api.get("/api/v1/lpr", api.token(user, Api.DEMO_PASSWORD));
            assertThat(table.status()).as(user).isEqualTo(200);
            var current = table.json().findValues("effectiveDate").stream().map(n -> n.asString()).toList();
            assertThat(current).contains("2025-05-20", "2024-10-21", "2019-08-20");
            table.json().forEach(row -> {
                if (row.get("effectiveDate").asString().equals("2025-05-20")) {
                    assertThat(row.get("oneYearPercent").asString()).isEqualTo("3.00");
                    assertThat(row.get("rateCapPercent").asString()).isEqualTo("12.00");
                }
            });
        }
    }

    @Test
    void onlyThePlatformOperatorPublishesAndARowIsNeverReplaced() {
        Map<String, String> lpr = Map.of("effectiveDate", "2092-06-20", "oneYearPercent", "2.95", "fiveYearPercent", "3.45");
        assertThat(api.post("/api/v1/lpr", api.token("a-admin", Api.DEMO_PASSWORD), lpr).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/lpr", api.token("regulator", Api.DEMO_PASSWORD), lpr).status()).isEqualTo(403);
        String platform = api.token("admin", Api.ADMIN_PASSWORD);
        Api.Response published = api.post("/api/v1/lpr", platform, lpr);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("rateCapPercent").asString()).isEqualTo("11.80");
        Api.Response again = api.post("/api/v1/lpr", platform, Map.of("effectiveDate", "2092-06-20", "oneYearPercent", "9"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("errors").get(0).get("rule").asString()).isEqualTo("duplicate");
        Api.Response badDate = api.post("/api/v1/lpr", platform, Map.of("effectiveDate", "2092-13-01", "oneYearPercent", "3"));
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("effectiveDate");
        Api.Response negative = api.post("/api/v1/lpr", platform, Map.of("effectiveDate", "2092-07-20", "oneYearPercent", "-1"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("oneYearPercent");
    }

    @Test
    void theDatabaseLetsNoInstitutionWriteTheTableAndNobodyChangeARow() {
        JdbcClient jdbc = JdbcClient.create(app);
        UUID hzxd = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        assertThatThrownBy(() -> TenantWall.asInstitution(hzxd, () -> transactions.executeWithoutResult(tx -> jdbc.sql(
                "insert into product_lpr (effective_date, one_year_percent, created_at) values ('2093-01-20', 1, now())")
                .update()))).rootCause().hasMessageContaining("row-level security");
        Integer changed = TenantWall.regionWide(() -> transactions.execute(tx -> jdbc.sql(
                "update product_lpr set one_year_percent = 9 where effective_date = '2025-05-20'").update()));
        assertThat(changed).isZero();
        assertThat(superuser.sql("select one_year_percent from product_lpr where effective_date = '2025-05-20'")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("3.00");
    }
}
