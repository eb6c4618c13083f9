package org.xiaodai.customer;

import java.util.List;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regional blacklist and duplicate / multi-lending detection cross the tenant wall only as
 * hit/miss with the reason category, or as a count: tried from two institutions, nothing of the
 * other institution (its id, its customer, who reported, the evidence) comes back.
 */
@IntegrationTest
class BlacklistAndDuplicatesIntegrationTest {

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
    void anEntryOfOneInstitutionIsAHitWithItsReasonForAnotherAndNothingElse() {
        String idNumber = CustomerTestUtils.residentId();
        String evidence = "测试证据-" + java.util.UUID.randomUUID();
        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        Api.Response added = api.post("/api/v1/blacklist", bAdmin, Map.of("idNumber", idNumber, "reason", "FRAUD",
                "evidence", evidence));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).doesNotContain(idNumber);
        String entryId = added.json().get("id").asString();
        String nbxd = jdbc.sql("select id::text from iam_organisation where code = 'NBXD'").query(String.class).single();

        String aOfficer = api.token("a-officer", Api.DEMO_PASSWORD);
        Api.Response hit = api.get("/api/v1/blacklist/check?idNumber=" + idNumber, aOfficer);
        assertThat(hit.status()).as(hit.body()).isEqualTo(200);
        assertThat(hit.json().get("hit").asBoolean()).isTrue();
        assertThat(hit.json().get("reasons").get(0).asString()).isEqualTo("FRAUD");
        assertThat(hit.body()).doesNotContain(evidence, entryId, nbxd, "b-admin", idNumber);
        assertThat(hit.json().propertyNames()).containsExactlyInAnyOrder("hit", "reasons");

        Api.Response miss = api.get("/api/v1/blacklist/check?idNumber=" + CustomerTestUtils.residentId(), aOfficer);
        assertThat(miss.json().get("hit").asBoolean()).isFalse();
        assertThat(miss.json().get("reasons")).isEmpty();

        String aAdmin = api.token("a-admin", Api.DEMO_PASSWORD);
        Api.Response ownList = api.get("/api/v1/blacklist", aAdmin);
        assertThat(ownList.body()).doesNotContain(evidence, entryId);
        assertThat(api.get("/api/v1/blacklist", bAdmin).body()).contains(evidence, entryId);
    }

    @Test
    void theSameInstitutionCannotListAnIdNumberTwiceButAnotherCan() {
        String idNumber = CustomerTestUtils.residentId();
        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        Map<String, String> body = Map.of("idNumber", idNumber, "reason", "LOAN_DEFAULT", "evidence", "判决书");
        assertThat(api.post("/api/v1/blacklist", bAdmin, body).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/blacklist", bAdmin, body).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/blacklist", api.token("a-admin", Api.DEMO_PASSWORD),
                Map.of("idNumber", idNumber, "reason", "FRAUD", "evidence", "报案回执")).status()).isEqualTo(201);
        var reasons = api.get("/api/v1/blacklist/check?idNumber=" + idNumber, api.token("a-officer", Api.DEMO_PASSWORD))
                .json().get("reasons").valueStream().map(r -> r.asString()).toList();
        assertThat(reasons).containsExactly("FRAUD", "LOAN_DEFAULT");
    }

    @Test
    void badBlacklistInputIsAProblemNamingTheField() {
        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        Api.Response bad = api.post("/api/v1/blacklist", bAdmin, Map.of("idNumber", "123", "reason", "MAYBE",
                "evidence", "x"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("idNumber", "reason");
        assertThat(api.get("/api/v1/blacklist/check?idNumber=abc", bAdmin).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/blacklist", api.token("a-officer", Api.DEMO_PASSWORD),
                Map.of("idNumber", CustomerTestUtils.residentId(), "reason", "FRAUD", "evidence", "x")).status())
                .as("officers check, they do not list").isEqualTo(403);
    }

    @Test
    void aCustomerHeldByOtherInstitutionsIsFlaggedToEachAsACountOnly() {
        String idNumber = CustomerTestUtils.residentId();
        String a = CustomerTestUtils.create(api, api.token("a-officer", Api.DEMO_PASSWORD),
                CustomerTestUtils.individual(idNumber, CustomerTestUtils.mobile()));
        var facade = customersFacadeCount(a);
        assertThat(facade).isZero();
        String b = CustomerTestUtils.create(api, api.token("b-officer", Api.DEMO_PASSWORD),
                CustomerTestUtils.individual(idNumber, CustomerTestUtils.mobile()));
        assertThat(customersFacadeCount(a)).isEqualTo(1);
        assertThat(customersFacadeCount(b)).isEqualTo(1);
    }

    @Test
    void theCrossTenantFunctionsAnswerOnlyHitMissReasonsAndCounts() {
        List<Map<String, Object>> signatures = jdbc.sql("""
                select p.proname, pg_get_function_result(p.oid) as result, p.prosecdef
                from pg_proc p where p.proname in ('customer_blacklist_check', 'customer_institutions_elsewhere')""")
                .query().listOfRows();
        assertThat(signatures).extracting(r -> r.get("proname") + " -> " + r.get("result") + " " + r.get("prosecdef"))
                .containsExactlyInAnyOrder("customer_blacklist_check -> TABLE(hit boolean, reasons text[]) true",
                        "customer_institutions_elsewhere -> integer true");
    }

    @Autowired
    Customers customers;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    /** Through the facade other modules use, inside the customer's own institution's wall. */
    private int customersFacadeCount(String customerId) {
        var id = java.util.UUID.fromString(customerId);
        var institution = jdbc.sql("select institution_id from customer where id = ?").param(id)
                .query(java.util.UUID.class).single();
        return org.xiaodai.shared.tenant.TenantWall.asInstitution(institution,
                () -> transactions.execute(tx -> customers.institutionsElsewhere(id)));
    }
}
