package org.xiaodai.customer;

import java.time.OffsetDateTime;
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

/** Separate consents with time, channel and text version, live until revoked or expired; related parties masked. */
@IntegrationTest
class ConsentsAndRelatedPartiesIntegrationTest {

    @LocalServerPort
    int port;
    JdbcClient jdbc;
    Api api;
    @Autowired
    Customers customers;
    @Autowired
    TransactionTemplate transactions;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aBureauConsentIsLiveFromItsGrantUntilRevokedAndTheFacadeSaysSo() {
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        String customer = CustomerTestUtils.create(api, officer,
                CustomerTestUtils.individual(CustomerTestUtils.residentId(), CustomerTestUtils.mobile()));
        assertThat(live(customer, ConsentPurpose.CREDIT_BUREAU_QUERY)).isFalse();
        Api.Response granted = api.post("/api/v1/customers/" + customer + "/consents", officer,
                Map.of("purpose", "CREDIT_BUREAU_QUERY", "channel", "BRANCH", "textVersion", "CB-2026.1"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.json().get("live").asBoolean()).isTrue();
        assertThat(granted.json().get("textVersion").asString()).isEqualTo("CB-2026.1");
        assertThat(granted.json().get("grantedAt").isNull()).isFalse();
        assertThat(live(customer, ConsentPurpose.CREDIT_BUREAU_QUERY)).isTrue();
        assertThat(live(customer, ConsentPurpose.DATA_SHARING)).as("a separate consent per purpose").isFalse();

        Api.Response revoked = api.post("/api/v1/customers/" + customer + "/consents/"
                + granted.json().get("id").asString() + "/revoke", officer, Map.of());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("live").asBoolean()).isFalse();
        assertThat(live(customer, ConsentPurpose.CREDIT_BUREAU_QUERY)).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_entry where action like 'customer.consent.%' and after_state::text like ?")
                .param("%" + customer + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anExpiredConsentIsNotLiveAndAConsentWithoutTextVersionIsRefused() {
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        String customer = CustomerTestUtils.create(api, officer,
                CustomerTestUtils.individual(CustomerTestUtils.residentId(), CustomerTestUtils.mobile()));
        OffsetDateTime past = OffsetDateTime.now(java.time.Clock.systemUTC()).minusDays(30);
        Api.Response expired = api.post("/api/v1/customers/" + customer + "/consents", officer,
                Map.of("purpose", "DATA_SHARING", "channel", "ONLINE", "textVersion", "DS-1",
                        "grantedAt", past.toString(), "expiresAt", past.plusDays(1).toString()));
        assertThat(expired.status()).as(expired.body()).isEqualTo(201);
        assertThat(expired.json().get("live").asBoolean()).isFalse();
        assertThat(live(customer, ConsentPurpose.DATA_SHARING)).isFalse();
        Api.Response bad = api.post("/api/v1/customers/" + customer + "/consents", officer,
                Map.of("purpose", "DATA_SHARING", "channel", "PIGEON", "textVersion", " "));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void anotherInstitutionsCustomerHasNoLiveConsentForThisInstitution() {
        String b = api.token("b-officer", Api.DEMO_PASSWORD);
        String customer = CustomerTestUtils.create(api, b,
                CustomerTestUtils.individual(CustomerTestUtils.residentId(), CustomerTestUtils.mobile()));
        api.post("/api/v1/customers/" + customer + "/consents", b,
                Map.of("purpose", "CREDIT_BUREAU_QUERY", "channel", "BRANCH", "textVersion", "CB-2026.1"));
        assertThat(live(customer, ConsentPurpose.CREDIT_BUREAU_QUERY)).isTrue();
        UUID hzxd = jdbc.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        Boolean seenFromA = TenantWall.asInstitution(hzxd, () -> transactions.execute(tx ->
                customers.hasLiveConsent(UUID.fromString(customer), ConsentPurpose.CREDIT_BUREAU_QUERY)));
        assertThat(seenFromA).isFalse();
    }

    @Test
    void relatedPartiesAreListedWithTheirIdentifiersMasked() {
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        String customer = CustomerTestUtils.create(api, officer,
                CustomerTestUtils.individual(CustomerTestUtils.residentId(), CustomerTestUtils.mobile()));
        String guarantorId = CustomerTestUtils.residentId();
        String guarantorMobile = CustomerTestUtils.mobile();
        Api.Response added = api.post("/api/v1/customers/" + customer + "/related-parties", officer,
                Map.of("relation", "GUARANTOR", "name", "测试保证人", "idNumber", guarantorId, "mobile", guarantorMobile));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        Api.Response list = api.get("/api/v1/customers/" + customer + "/related-parties", officer);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("idNumber").asString()).isEqualTo(
                guarantorId.substring(0, 4) + "**********" + guarantorId.substring(14));
        assertThat(list.body()).doesNotContain(guarantorId, guarantorMobile);
        assertThat(api.post("/api/v1/customers/" + customer + "/related-parties", officer,
                Map.of("relation", "COUSIN", "name", "x", "idNumber", "1")).status()).isEqualTo(400);
    }

    private boolean live(String customer, ConsentPurpose purpose) {
        UUID id = UUID.fromString(customer);
        UUID institution = jdbc.sql("select institution_id from customer where id = ?").param(id).query(UUID.class).single();
        return TenantWall.asInstitution(institution, () -> transactions.execute(tx -> customers.hasLiveConsent(id, purpose)));
    }
}
