package org.xiaodai.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.ProductFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xiaodai.support.ProductFixtures.body;
import static org.xiaodai.support.ProductFixtures.with;

/** Editing a product writes its next version; stored versions never change, so a loan keeps its own. */
@IntegrationTest
class ProductVersioningIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Products products;
    Api api;
    String admin;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.token("a-admin", Api.DEMO_PASSWORD);
    }

    @Test
    void editingAnActiveProductWritesANewVersionAndTheOldOneStaysReadable() {
        Map<String, Object> original = body();
        String id = new ProductFixtures(api).create(admin, original);
        Api.Response edited = api.send("PUT", "/api/v1/products/" + id + "?expectedVersion=1", admin,
                Api.json(with(original, "maxAnnualInterestRatePercent", "9.6")));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("version").asInt()).isEqualTo(2);
        assertThat(edited.json().get("id").asString()).isEqualTo(id);
        assertThat(edited.json().get("maxAnnualInterestRatePercent").asString()).isEqualTo("9.6");

        Api.Response first = api.get("/api/v1/products/" + id + "/versions/1", admin);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("maxAnnualInterestRatePercent").asString()).isEqualTo("10.8");
        assertThat(first.json().get("currentVersion").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/products/" + id, admin).json().get("version").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/products/" + id, admin).json().get("versions").toString()).isEqualTo("[1,2]");

        UUID hzxd = institution("HZXD");
        ProductVersion kept = TenantWall.asInstitution(hzxd, () -> products.version(UUID.fromString(id), 1)).orElseThrow();
        assertThat(kept.definition().maxAnnualInterestRatePercent()).isEqualByComparingTo("10.8");
        assertThat(kept.highestAnnualRatePercent()).isEqualByComparingTo("10.80");
        ProductVersion today = TenantWall.asInstitution(hzxd, () -> products.inEffect(UUID.fromString(id),
                LocalDate.of(2099, 1, 1))).orElseThrow();
        assertThat(today.version()).isEqualTo(2);
    }

    @Test
    void aStoredVersionCannotBeChangedOrRemovedEvenInTheDatabase() {
        String id = new ProductFixtures(api).create(admin, body());
        assertThatThrownBy(() -> superuser.sql("update product_version set name = 'changed' where product_id = ?::uuid")
                .param(id).update()).rootCause().hasMessageContaining("immutable");
        assertThatThrownBy(() -> superuser.sql("delete from product_version where product_id = ?::uuid")
                .param(id).update()).rootCause().hasMessageContaining("immutable");
    }

    @Test
    void anEditFromAVersionNoLongerCurrentIsAConflict() {
        Map<String, Object> original = body();
        String id = new ProductFixtures(api).create(admin, original);
        assertThat(api.send("PUT", "/api/v1/products/" + id, admin, Api.json(original)).status()).isEqualTo(200);
        Api.Response stale = api.send("PUT", "/api/v1/products/" + id + "?expectedVersion=1", admin, Api.json(original));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/concurrent-change");
    }

    @Test
    void anEditAboveTheBenchmarkOrRenamingTheCodeIsRefusedAndWritesNoVersion() {
        Map<String, Object> original = body();
        String id = new ProductFixtures(api).create(admin, original);
        Api.Response above = api.send("PUT", "/api/v1/products/" + id, admin,
                Api.json(with(original, "maxAnnualInterestRatePercent", "18")));
        assertThat(above.status()).isEqualTo(400);
        assertThat(above.json().get("errors").get(0).get("rule").asString()).isEqualTo("rateCap");
        Api.Response renamed = api.send("PUT", "/api/v1/products/" + id, admin, Api.json(with(original, "code", "OTHER-1")));
        assertThat(renamed.json().get("errors").get(0).get("rule").asString()).isEqualTo("unchangeable");
        assertThat(superuser.sql("select count(*) from product_version where product_id = ?::uuid").param(id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(api.get("/api/v1/products/" + id + "/versions/2", admin).status()).isEqualTo(404);
    }

    @Test
    void theFacadeChecksAnOfferAgainstTheRangesOfItsVersion() {
        String id = new ProductFixtures(api).create(admin, with(body(), "branchCodes", java.util.List.of("E01")));
        ProductVersion v = TenantWall.asInstitution(institution("HZXD"), () -> products.version(UUID.fromString(id), 1))
                .orElseThrow();
        assertThat(products.check(v, new LoanOffer(new BigDecimal("10000"), 12, new BigDecimal("9"), "E01"))).isEmpty();
        assertThat(products.check(v, new LoanOffer(new BigDecimal("4999.99"), 48, new BigDecimal("11"), "W01")))
                .extracting(p -> p.field() + ":" + p.rule())
                .containsExactly("principal:outsideRange", "numberOfRepayments:outsideRange",
                        "annualInterestRatePercent:outsideRange", "branchCode:notOffered");
    }

    private UUID institution(String code) {
        return superuser.sql("select id from iam_organisation where code = ?").param(code).query(UUID.class).single();
    }
}
