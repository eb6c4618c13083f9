package org.xiaodai.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.scoring.ScoringFixtures;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.OriginationFixtures;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The borrower portal's API end to end on the real database: registration with the code from the
 * simulated SMS gateway, the customer records of two institutions linked, consent, quote, apply,
 * accept, the loan, repayment, payoff, a complaint on the regulator's list; and the walls: another
 * borrower's ids, another institution's ids and every staff API are closed to a borrower.
 */
@IntegrationTest
class PortalApiIntegrationTest {

    @LocalServerPort
    int port;
    JdbcClient jdbc;
    Api api;
    PortalFixtures portal;
    OriginationFixtures origination;
    String aOfficer;
    String bOfficer;
    String aAdmin;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwords;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        portal = new PortalFixtures(api);
        origination = new OriginationFixtures(api);
        ScoringFixtures.activeModel(jdbc, "HZXD", "APPLICATION");
        aOfficer = api.token("a-officer", Api.DEMO_PASSWORD);
        bOfficer = api.token("b-officer", Api.DEMO_PASSWORD);
        aAdmin = api.token("a-admin", Api.DEMO_PASSWORD);
    }

    @Test
    void aBorrowerRegistersAppliesAcceptsRepaysPaysOffAndComplains() {
        PortalFixtures.Person person = PortalFixtures.Person.fresh();
        String aCustomer = portal.customer(aOfficer, person);
        portal.customer(bOfficer, person);
        String product = origination.product(aAdmin);
        String token = portal.register(person);

        JsonNode me = ok(api.get("/api/v1/portal/me", token));
        assertThat(me.get("lenders")).as(me.toString()).hasSize(2);
        UUID hzxd = institution("HZXD");
        assertThat(me.get("lenders").valueStream().map(l -> l.get("customerId").asString())).contains(aCustomer);

        Api.Response noConsent = api.post("/api/v1/portal/applications", token, apply(product, "k1"));
        assertThat(noConsent.status()).as("no credit-bureau consent yet: " + noConsent.body()).isEqualTo(409);
        assertThat(api.post("/api/v1/portal/consents", token, Map.of("institutionId", hzxd.toString(),
                "purpose", "CREDIT_BUREAU_QUERY", "textVersion", "portal-2026-12")).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/portal/consents", token, Map.of("institutionId", hzxd.toString(),
                "purpose", "DATA_SHARING", "textVersion", "old")).status()).isEqualTo(400);

        JsonNode quote = ok(api.post("/api/v1/portal/quotes", token,
                Map.of("productId", product, "amount", "30000", "numberOfRepayments", 12)));
        assertThat(quote.get("annualPercentageRate").asString()).isNotBlank();
        assertThat(quote.get("installments")).hasSize(12);

        Api.Response applied = api.post("/api/v1/portal/applications", token, apply(product, "k2"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().get("status").asString()).as(applied.body()).isIn("APPROVED", "UNDER_REVIEW");
        String contractId = portal.approved("a", applied.json().get("id").asString(), token);
        assertThat(api.post("/api/v1/portal/applications", token, apply(product, "k2")).json().get("id").asString())
                .as("the same key applies once").isEqualTo(applied.json().get("id").asString());

        JsonNode contract = ok(api.get("/api/v1/portal/contracts/" + contractId, token));
        assertThat(contract.get("text").asString()).contains("年化利率");
        Api.Response pdf = api.get("/api/v1/portal/contracts/" + contractId + "/pdf", token);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        JsonNode accepted = ok(api.post("/api/v1/portal/contracts/" + contractId + "/acceptance", token,
                Map.of("textVersion", contract.get("textVersion").asString())));
        String loanId = accepted.get("loanId").asString();

        assertThat(ok(api.get("/api/v1/portal/loans/" + loanId, token)).get("item").get("loan").get("status").asString())
                .isEqualTo("PENDING_DISBURSEMENT");
        portal.disburse("a", loanId);
        JsonNode loan = waitForStatus(token, loanId, "ACTIVE");
        assertThat(loan.get("schedule")).hasSize(12);
        assertThat(loan.get("item").get("due").get("nextAmount").asString()).isNotBlank();

        Api.Response paid = api.post("/api/v1/portal/loans/" + loanId + "/payments", token,
                Map.of("kind", "REPAYMENT", "amount", "500.00", "idempotencyKey", "r1"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().get("bankReference").asString()).startsWith("SIM-P-");
        Api.Response again = api.post("/api/v1/portal/loans/" + loanId + "/payments", token,
                Map.of("kind", "REPAYMENT", "amount", "500.00", "idempotencyKey", "r1"));
        assertThat(again.json().get("transactionId").asString()).as("the same key books once")
                .isEqualTo(paid.json().get("transactionId").asString());
        assertThat(ok(api.get("/api/v1/portal/loans/" + loanId, token)).get("statement").valueStream()
                .filter(l -> l.get("kind").asString().equals("REPAYMENT")).count()).isEqualTo(1);

        Api.Response quoteOnDisbursementDay = api.get("/api/v1/portal/loans/" + loanId + "/payoff-quote", token);
        assertThat(quoteOnDisbursementDay.status()).as(quoteOnDisbursementDay.body()).isIn(200, 409);

        JsonNode complaint = ok(api.post("/api/v1/portal/complaints", token, Map.of("institutionId", hzxd.toString(),
                "category", "SERVICE", "subject", "客服电话打不通", "description", "连续三天无人接听。")), 201);
        String regulator = api.token("regulator", Api.DEMO_PASSWORD);
        Api.Response list = api.get("/api/v1/complaints?size=200", regulator);
        assertThat(list.body()).contains(complaint.get("reference").asString());

        // the borrower is told: application received and decided, contract ready, complaint registered
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        List<String> events = List.of();
        while (Instant.now().isBefore(until)) {
            events = jdbc.sql("select distinct event from notification_delivery where customer_id = ?::uuid")
                    .param(aCustomer).query(String.class).list();
            if (events.containsAll(List.of("APPLICATION_RECEIVED", "APPLICATION_DECIDED", "CONTRACT_READY",
                    "COMPLAINT_UPDATED", "DISBURSED", "REPAYMENT_RECEIVED"))) {
                break;
            }
            PortalFixtures.sleep();
        }
        assertThat(events).contains("APPLICATION_RECEIVED", "APPLICATION_DECIDED", "CONTRACT_READY", "COMPLAINT_UPDATED");
    }

    @Test
    void anotherBorrowersAndAnotherInstitutionsIdsAreNotFoundAndStaffApisAreClosed() {
        PortalFixtures.Person mine = PortalFixtures.Person.fresh();
        PortalFixtures.Person theirs = PortalFixtures.Person.fresh();
        portal.customer(aOfficer, mine);
        String theirCustomer = portal.customer(aOfficer, theirs);
        String product = origination.product(aAdmin);
        String myToken = portal.register(mine);
        String theirToken = portal.register(theirs);
        UUID hzxd = institution("HZXD");
        UUID nbxd = institution("NBXD");
        for (String t : List.of(theirToken)) {
            assertThat(api.post("/api/v1/portal/consents", t, Map.of("institutionId", hzxd.toString(),
                    "purpose", "CREDIT_BUREAU_QUERY", "textVersion", "portal-2026-12")).status()).isEqualTo(204);
        }
        JsonNode theirApplication = ok(api.post("/api/v1/portal/applications", theirToken, apply(product, "x")), 201);
        String theirContract = portal.approved("a", theirApplication.get("id").asString(), theirToken);
        String theirLoan = ok(api.post("/api/v1/portal/contracts/" + theirContract + "/acceptance", theirToken,
                Map.of("textVersion", ok(api.get("/api/v1/portal/contracts/" + theirContract, theirToken))
                        .get("textVersion").asString()))).get("loanId").asString();
        String theirComplaint = ok(api.post("/api/v1/portal/complaints", theirToken, Map.of("institutionId", hzxd.toString(),
                "category", "OTHER", "subject", "s", "description", "d")), 201).get("id").asString();
        // somebody else at the other institution, where "mine" is no customer
        PortalFixtures.Person elsewhere = PortalFixtures.Person.fresh();
        portal.customer(bOfficer, elsewhere);
        String elsewhereToken = portal.register(elsewhere);
        ScoringFixtures.activeModel(jdbc, "NBXD", "APPLICATION");
        String nbxdProduct = origination.product(api.token("b-admin", Api.DEMO_PASSWORD));
        assertThat(api.post("/api/v1/portal/consents", elsewhereToken, Map.of("institutionId", nbxd.toString(),
                "purpose", "CREDIT_BUREAU_QUERY", "textVersion", "portal-2026-12")).status()).isEqualTo(204);
        JsonNode elsewhereApplication = ok(api.post("/api/v1/portal/applications", elsewhereToken, apply(nbxdProduct, "y")), 201);
        String otherInstitutionsContract = portal.approved("b", elsewhereApplication.get("id").asString(), elsewhereToken);
        String otherInstitutionsLoan = ok(api.post("/api/v1/portal/contracts/" + otherInstitutionsContract + "/acceptance",
                elsewhereToken, Map.of("textVersion", ok(api.get("/api/v1/portal/contracts/" + otherInstitutionsContract,
                        elsewhereToken)).get("textVersion").asString()))).get("loanId").asString();
        Api.Response myLinks = api.get("/api/v1/portal/me", myToken);
        assertThat(myLinks.json().get("lenders")).as("mine is a customer of HZXD only").hasSize(1);

        for (String loan : List.of(theirLoan, otherInstitutionsLoan)) {
            notFound(api.get("/api/v1/portal/loans/" + loan, myToken));
            notFound(api.get("/api/v1/portal/loans/" + loan + "/payoff-quote", myToken));
            notFound(api.post("/api/v1/portal/loans/" + loan + "/payments", myToken,
                    Map.of("kind", "REPAYMENT", "amount", "1.00", "idempotencyKey", "steal")));
        }
        for (String contract : List.of(theirContract, otherInstitutionsContract)) {
            notFound(api.get("/api/v1/portal/contracts/" + contract, myToken));
            notFound(api.get("/api/v1/portal/contracts/" + contract + "/pdf", myToken));
            notFound(api.post("/api/v1/portal/contracts/" + contract + "/acceptance", myToken, Map.of("textVersion", "x")));
        }
        notFound(api.get("/api/v1/portal/applications/" + theirApplication.get("id").asString(), myToken));
        notFound(api.get("/api/v1/portal/applications/" + elsewhereApplication.get("id").asString(), myToken));
        notFound(api.post("/api/v1/portal/applications/" + theirApplication.get("id").asString() + "/human-review",
                myToken, Map.of()));
        notFound(api.get("/api/v1/portal/complaints/" + theirComplaint, myToken));
        notFound(api.post("/api/v1/portal/consents", myToken, Map.of("institutionId", nbxd.toString(),
                "purpose", "DATA_SHARING", "textVersion", "portal-2026-12")));
        notFound(api.post("/api/v1/portal/complaints", myToken, Map.of("institutionId", nbxd.toString(),
                "category", "OTHER", "subject", "s", "description", "d")));
        assertThat(api.get("/api/v1/portal/loans", myToken).body()).doesNotContain(theirLoan);
        assertThat(api.get("/api/v1/portal/contracts", myToken).body()).doesNotContain(theirContract);
        assertThat(api.get("/api/v1/portal/me", myToken).body()).doesNotContain(theirCustomer);

        for (String path : List.of("/api/v1/customers", "/api/v1/loans", "/api/v1/applications", "/api/v1/complaints",
                "/api/v1/users/me", "/api/v1/customers/" + theirCustomer, "/api/v1/loans/" + theirLoan)) {
            assertThat(api.get(path, myToken).status()).as(path).isIn(401, 403, 404);
        }
        assertThat(api.get("/api/v1/portal/me", aOfficer).status()).as("a staff token is no borrower").isIn(401, 403);
        assertThat(api.get("/api/v1/portal/me", null).status()).isEqualTo(401);
    }

    @Test
    void registrationNeedsTheRightCodeOnceAndSignInLocksAfterFiveWrongPasswords() {
        PortalFixtures.Person p = PortalFixtures.Person.fresh();
        assertThat(api.post("/api/v1/portal/auth/codes", null, Map.of("mobile", p.mobile())).status()).isEqualTo(202);
        String code = portal.codeSentTo(p.mobile());
        String wrong = code.equals("000000") ? "111111" : "000000";
        Map<String, Object> body = new java.util.HashMap<>(Map.of("mobile", p.mobile(), "code", wrong, "name", p.name(),
                "idNumber", p.idNumber(), "password", PortalFixtures.PASSWORD));
        assertThat(api.post("/api/v1/portal/auth/register", null, body).status()).isEqualTo(400);
        body.put("password", "short");
        Api.Response weak = api.post("/api/v1/portal/auth/register", null, body);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("password");
        body.put("password", PortalFixtures.PASSWORD);
        body.put("code", code);
        assertThat(api.post("/api/v1/portal/auth/register", null, body).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/portal/auth/register", null, body).status()).as("a code works once").isEqualTo(400);
        assertThat(api.post("/api/v1/portal/auth/codes", null, Map.of("mobile", p.mobile())).status())
                .as("a second code at once is rate-limited").isEqualTo(429);

        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/portal/auth/token", null, Map.of("mobile", p.mobile(), "password", "Wrong@2026x"))
                    .status()).isEqualTo(401);
        }
        assertThat(api.post("/api/v1/portal/auth/token", null, Map.of("mobile", p.mobile(), "password", PortalFixtures.PASSWORD))
                .status()).as("locked").isEqualTo(401);
    }

    @Test
    void aDeclinedApplicantSeesTheReasonsAndAsksForAHumanReview() {
        PortalFixtures.Person p = PortalFixtures.Person.fresh();
        portal.customer(aOfficer, p);
        String product = origination.product(aAdmin);
        String token = portal.register(p);
        assertThat(api.post("/api/v1/portal/consents", token, Map.of("institutionId", institution("HZXD").toString(),
                "purpose", "CREDIT_BUREAU_QUERY", "textVersion", "portal-2026-12")).status()).isEqualTo(204);
        Api.Response listed = api.post("/api/v1/blacklist", aAdmin, Map.of("idNumber", p.idNumber(), "reason", "FRAUD",
                "evidence", "测试：伪造收入证明"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);

        JsonNode applied = ok(api.post("/api/v1/portal/applications", token, apply(product, "declined")), 201);
        String id = applied.get("id").asString();
        JsonNode declined = ok(api.get("/api/v1/portal/applications/" + id, token));
        assertThat(declined.get("status").asString()).as(declined.toString()).isEqualTo("DECLINED");
        assertThat(declined.get("declineReasons").get(0).get("code").asString()).isEqualTo("BLACKLIST");
        assertThat(declined.get("declineReasons").get(0).get("message").asString()).isNotBlank();

        JsonNode review = ok(api.post("/api/v1/portal/applications/" + id + "/human-review", token, Map.of()), 202);
        assertThat(review.get("humanReviewRequested").asBoolean()).as(review.toString()).isTrue();
    }

    @Test
    void aCustomerRecordCreatedAfterRegistrationIsLinkedToTheBorrowerWhoIsThatPerson() {
        PortalFixtures.Person p = PortalFixtures.Person.fresh();
        String token = portal.register(p);
        assertThat(ok(api.get("/api/v1/portal/me", token)).get("lenders")).as("no customer record yet").isEmpty();

        String hzxdCustomer = portal.customer(aOfficer, p);
        JsonNode me = awaitLenders(token, 1);
        assertThat(me.get("lenders").get(0).get("customerId").asString()).isEqualTo(hzxdCustomer);
        String nbxdCustomer = portal.customer(bOfficer, p);
        me = awaitLenders(token, 2);
        assertThat(me.get("lenders").valueStream().map(l -> l.get("customerId").asString()))
                .containsExactlyInAnyOrder(hzxdCustomer, nbxdCustomer);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'portal.borrower.linked' and entity_id = ?")
                .param(nbxdCustomer).query(Long.class).single()).as("the link is audited").isEqualTo(1);

        // the same ID number with another mobile, or the same mobile with another ID number, is somebody else
        PortalFixtures.Person other = PortalFixtures.Person.fresh();
        String otherToken = portal.register(other);
        String sameIdOtherMobile = portal.customer(api.token("a-admin", Api.DEMO_PASSWORD),
                new PortalFixtures.Person(other.idNumber(), PortalFixtures.Person.fresh().mobile(), other.name()));
        String sameMobileOtherId = portal.customer(bOfficer,
                new PortalFixtures.Person(PortalFixtures.Person.fresh().idNumber(), other.mobile(), other.name()));
        String control = portal.customer(aOfficer, PortalFixtures.Person.fresh());
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until) && jdbc.sql("""
                select count(*) from event_publication where completion_date is null
                and serialized_event like '%' || ? || '%'""").param(control).query(Long.class).single() > 0) {
            PortalFixtures.sleep();
        }
        assertThat(ok(api.get("/api/v1/portal/me", otherToken)).get("lenders")).as("nobody else's record").isEmpty();
        assertThat(jdbc.sql("select count(*) from portal_link where customer_id in (?::uuid, ?::uuid)")
                .params(sameIdOtherMobile, sameMobileOtherId).query(Long.class).single()).isZero();
    }

    @Test
    void theMobileIsLookedUpByAKeyedDigestAndABorrowerOfBeforeIsRehashedAtSignIn() {
        PortalFixtures.Person p = PortalFixtures.Person.fresh();
        portal.register(p);
        String stored = jdbc.sql("select mobile_hash from portal_borrower where mobile_masked = ? order by created_at desc limit 1")
                .param(p.mobile().substring(0, 3) + "****" + p.mobile().substring(7)).query(String.class).single();
        assertThat(stored).as("not the unkeyed SHA-256 anybody can compute")
                .isNotEqualTo(org.xiaodai.shared.Sha256.hex("portal-mobile:" + p.mobile()))
                .isNotEqualTo(org.xiaodai.shared.Sha256.hex(p.mobile()))
                .matches("[0-9a-f]{64}");

        // a borrower registered before the keyed digest (V20261204_0100 left their SHA-256 as it was)
        PortalFixtures.Person old = PortalFixtures.Person.fresh();
        UUID id = UUID.randomUUID();
        String legacy = org.xiaodai.shared.Sha256.hex("portal-mobile:" + old.mobile());
        jdbc.sql("""
                insert into portal_borrower (id, mobile_hash, mobile_hash_keyed, mobile_masked, display_name, password_hash, created_at)
                values (?, ?, false, '139****0000', '旧用户', ?, now())""")
                .params(id, legacy, passwords.encode(PortalFixtures.PASSWORD))
                .update();
        Api.Response again = api.post("/api/v1/portal/auth/codes", null, Map.of("mobile", old.mobile()));
        assertThat(again.status()).isEqualTo(202);
        Api.Response duplicate = api.post("/api/v1/portal/auth/register", null, Map.of("mobile", old.mobile(),
                "code", portal.codeSentTo(old.mobile()), "name", old.name(), "idNumber", old.idNumber(), "password",
                PortalFixtures.PASSWORD));
        assertThat(duplicate.status()).as("the old borrower's mobile is still registered: " + duplicate.body()).isEqualTo(409);
        Api.Response signedIn = api.post("/api/v1/portal/auth/token", null, Map.of("mobile", old.mobile(),
                "password", PortalFixtures.PASSWORD));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        Map<String, Object> row = jdbc.sql("select mobile_hash, mobile_hash_keyed from portal_borrower where id = ?").param(id)
                .query().singleRow();
        assertThat(row.get("mobile_hash_keyed")).isEqualTo(true);
        assertThat(row.get("mobile_hash")).as("rehashed with the key").isNotEqualTo(legacy);
        assertThat(api.post("/api/v1/portal/auth/token", null, Map.of("mobile", old.mobile(), "password", PortalFixtures.PASSWORD))
                .status()).as("and signs in by the keyed digest from then on").isEqualTo(200);
    }

    private JsonNode awaitLenders(String token, int count) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode me = null;
        while (Instant.now().isBefore(until)) {
            me = ok(api.get("/api/v1/portal/me", token));
            if (me.get("lenders").size() >= count) {
                return me;
            }
            PortalFixtures.sleep();
        }
        throw new AssertionError("never linked to " + count + " institutions: " + me);
    }

    private Map<String, Object> apply(String product, String key) {
        return Map.of("productId", product, "amount", "30000", "numberOfRepayments", 12, "purpose", "CONSUMPTION",
                "answers", OriginationFixtures.goodAnswers(), "documents", List.of("ID_CARD"), "idempotencyKey", key);
    }

    private JsonNode waitForStatus(String token, String loanId, String status) {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode loan = null;
        while (Instant.now().isBefore(until)) {
            loan = ok(api.get("/api/v1/portal/loans/" + loanId, token));
            if (loan.get("item").get("loan").get("status").asString().equals(status)) {
                return loan;
            }
            PortalFixtures.sleep();
        }
        throw new AssertionError("loan never " + status + ": " + loan);
    }

    private UUID institution(String code) {
        return jdbc.sql("select id from iam_organisation where code = ?").param(code).query(UUID.class).single();
    }

    private static JsonNode ok(Api.Response r) {
        return ok(r, 200);
    }

    private static JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    private static void notFound(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(404);
    }
}
