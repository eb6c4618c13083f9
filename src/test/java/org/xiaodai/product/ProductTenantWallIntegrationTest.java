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
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.ProductFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xiaodai.support.ProductFixtures.body;
import static org.xiaodai.support.ProductFixtures.with;

/** Products are an institution's own: another institution neither reads nor edits them; the regulator reads all. */
@IntegrationTest
class ProductTenantWallIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Products products;
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
    void anotherInstitutionsProductIsNotFoundAnywhereAndTheRegulatorSeesIt() {
        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        Map<String, Object> body = body();
        String id = new ProductFixtures(api).create(bAdmin, body);
        String aAdmin = api.token("a-admin", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/products/" + id, aAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/products/" + id + "/versions/1", aAdmin).status()).isEqualTo(404);
        assertThat(api.send("PUT", "/api/v1/products/" + id, aAdmin, Api.json(body)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/products", aAdmin).body()).doesNotContain(id);
        UUID hzxd = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        assertThat(TenantWall.asInstitution(hzxd, () -> products.version(UUID.fromString(id), 1))).isEmpty();

        String regulator = api.token("regulator", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/products", regulator).body()).contains(id);
        assertThat(api.get("/api/v1/products/" + id, regulator).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/products", regulator, body()).status()).as("the regulator never writes").isEqualTo(403);
        assertThat(api.get("/api/v1/products", api.token("b-officer", Api.DEMO_PASSWORD)).body()).contains(id);
    }

    @Test
    void theSameCodeMayServeTwoInstitutionsButNotTwoProductsOfOne() {
        Map<String, Object> body = body();
        new ProductFixtures(api).create(api.token("a-admin", Api.DEMO_PASSWORD), body);
        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        new ProductFixtures(api).create(bAdmin, body);
        Api.Response twice = api.post("/api/v1/products", bAdmin, with(body, "name", "另一个"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(twice.json().get("errors").get(0).get("rule").asString()).isEqualTo("duplicate");
    }

    @Test
    void anOfficerReadsProductsButCannotCreateThem() {
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/products", officer).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/products", officer, body()).status()).isEqualTo(403);
    }
}
