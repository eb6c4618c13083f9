package org.xiaodai.customer;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer API contract: masking, the audited full view, exact lookup, duplicates and bad input. */
@IntegrationTest
class CustomerApiIntegrationTest {

    @LocalServerPort
    int port;
    JdbcClient jdbc;
    Api api;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void createdCustomerComesBackWithIdNumberMobileAndCardMasked() {
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        String id = CustomerTestUtils.residentId();
        String mobile = CustomerTestUtils.mobile();
        String card = CustomerTestUtils.bankCard();
        Map<String, Object> body = CustomerTestUtils.individual(id, mobile);
        body.put("bankCard", card);
        Api.Response created = api.post("/api/v1/customers", officer, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = created.json();
        assertThat(json.get("idNumber").asString()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(json.get("mobile").asString()).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        assertThat(json.get("bankCard").asString()).isEqualTo(card.substring(0, 6) + "*********" + card.substring(15));
        assertThat(json.get("warnings")).isEmpty();
        assertThat(created.body()).doesNotContain(id, mobile, card);
        Api.Response read = api.get("/api/v1/customers/" + json.get("id").asString(), officer);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(id, mobile, card).contains(json.get("idNumber").asString());
    }

    @Test
    void fullViewNeedsThePiiPermissionAndIsAuditedWithWhoWhichCustomerAndWhichFields() {
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        String id = CustomerTestUtils.residentId();
        String mobile = CustomerTestUtils.mobile();
        String customer = CustomerTestUtils.create(api, officer, CustomerTestUtils.individual(id, mobile));

        Api.Response refused = api.get("/api/v1/customers/" + customer + "/pii", officer);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();

        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        Api.Response full = api.get("/api/v1/customers/" + customer + "/pii", admin);
        assertThat(full.status()).as(full.body()).isEqualTo(200);
        assertThat(full.json().get("idNumber").asString()).isEqualTo(id);
        assertThat(full.json().get("mobile").asString()).isEqualTo(mobile);
        var entry = jdbc.sql("""
                select actor_name, after_state::text from audit_entry
                where action = 'pii.viewed' and entity_type = 'customer' and entity_id = ?""")
                .param(customer).query((rs, n) -> Map.of("actor", rs.getString(1), "after", rs.getString(2))).single();
        assertThat(entry.get("actor")).isEqualTo("a-admin");
        assertThat(entry.get("after")).contains("idNumber").contains("mobile");
    }

    @Test
    void exactLookupByIdNumberFindsTheCustomerThroughTheBlindIndex() {
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        String id = CustomerTestUtils.residentId();
        String customer = CustomerTestUtils.create(api, officer, CustomerTestUtils.individual(id, CustomerTestUtils.mobile()));
        Api.Response found = api.get("/api/v1/customers?idNumber=" + id, officer);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json()).hasSize(1);
        assertThat(found.json().get(0).get("id").asString()).isEqualTo(customer);
        assertThat(api.get("/api/v1/customers?idNumber=" + CustomerTestUtils.residentId(), officer).json()).isEmpty();
        byte[] index = jdbc.sql("select id_number_index from customer where id = ?::uuid").param(customer)
                .query(byte[].class).single();
        assertThat(index).hasSize(32);
    }

    @Test
    void sameIdNumberTwiceInOneInstitutionIsAConflictNamingTheExistingCustomer() {
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        String id = CustomerTestUtils.residentId();
        String first = CustomerTestUtils.create(api, officer, CustomerTestUtils.individual(id, CustomerTestUtils.mobile()));
        Api.Response again = api.send("POST", "/api/v1/customers", api.token("a-admin", Api.DEMO_PASSWORD),
                Api.json(CustomerTestUtils.individual(id, CustomerTestUtils.mobile())), "application/json", "en");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
        assertThat(again.json().get("detail").asString()).contains(first);
        assertThat(again.body()).doesNotContain(id);
        // another institution may hold the same number
        String other = api.token("b-officer", Api.DEMO_PASSWORD);
        assertThat(api.post("/api/v1/customers", other, CustomerTestUtils.individual(id, CustomerTestUtils.mobile()))
                .status()).isEqualTo(201);
    }

    @Test
    void badInputNamesEachFieldAndRuleInTheCallersLanguageAndWritesNothing() {
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        Map<String, Object> body = CustomerTestUtils.individual("360426199101010072", "12812345678");
        body.put("regionCode", "99");
        body.put("monthlyIncome", "1e3");
        long before = jdbc.sql("select count(*) from customer").query(Long.class).single();
        Api.Response en = api.send("POST", "/api/v1/customers", officer, Api.json(body), "application/json", "en");
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.isProblem()).isTrue();
        assertThat(en.json().get("errors").valueStream().map(e -> e.get("field").asString() + ":" + e.get("rule").asString()))
                .contains("idNumber:checkDigit", "mobile:format", "regionCode:format", "monthlyIncome:decimalFormat");
        Api.Response zh = api.send("POST", "/api/v1/customers", officer, Api.json(body), "application/json", "zh-CN");
        assertThat(zh.json().get("detail").asString()).containsPattern("\\p{IsHan}");
        assertThat(jdbc.sql("select count(*) from customer").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void bankCardFailingLuhnIsSavedWithAWarning() {
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        Map<String, Object> body = CustomerTestUtils.individual(CustomerTestUtils.residentId(), CustomerTestUtils.mobile());
        String card = CustomerTestUtils.bankCard();
        String broken = card.substring(0, 18) + (char) ('0' + (card.charAt(18) - '0' + 1) % 10);
        body.put("bankCard", broken);
        Api.Response created = api.post("/api/v1/customers", officer, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("warnings").get(0).get("rule").asString()).isEqualTo("luhn");
        Api.Response read = api.get("/api/v1/customers/" + created.json().get("id").asString(), officer);
        assertThat(read.json().get("warnings").get(0).get("field").asString()).isEqualTo("bankCard");
    }

    @Test
    void enterpriseNeedsAValidCreditCodeAndALegalRepresentative() {
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        Api.Response bad = api.post("/api/v1/customers", officer, Map.of("kind", "ENTERPRISE", "name", "示例商贸有限公司",
                "idNumber", "91110000600037341A", "mobile", CustomerTestUtils.mobile()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString() + ":" + e.get("rule").asString()))
                .contains("idNumber:checkDigit", "legalRepresentative:required");
    }

    @Test
    void anotherInstitutionsCustomerIsNotFoundAndItsFullViewToo() {
        String b = api.token("b-officer", Api.DEMO_PASSWORD);
        String customer = CustomerTestUtils.create(api, b, CustomerTestUtils.individual(CustomerTestUtils.residentId(),
                CustomerTestUtils.mobile()));
        String aAdmin = api.token("a-admin", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/customers/" + customer, aAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/" + customer + "/pii", aAdmin).status()).isEqualTo(404);
    }
}
