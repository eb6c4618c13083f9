package org.xiaodai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.support.Api;
import org.xiaodai.support.IamFixtures;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.openapi.ContractRecorder;
import org.xiaodai.support.openapi.OpenApiDocument;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the API to its document: sample requests for every operation — successes, and the
 * errors the document promises (no token, no permission, an unknown record, bad input) — and
 * every answer must have a documented status and a body that agrees with the documented schema
 * (no undocumented field, no missing required one, formats, patterns and enums kept). A new
 * operation fails {@link #everyOperationIsExercisedWithASuccess} until a sample for it is added to
 * {@link #successes}.
 */
@IntegrationTest
class ApiConformanceIntegrationTest {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("operationsDataSource")
    javax.sql.DataSource superuserDataSource;
    Api api;
    org.springframework.jdbc.core.simple.JdbcClient superuser;

    @org.springframework.beans.factory.annotation.Autowired
    void superuser(@org.springframework.beans.factory.annotation.Qualifier("operationsDataSource") javax.sql.DataSource operations) {
        this.superuser = org.springframework.jdbc.core.simple.JdbcClient.create(operations);
    }

    /** As the cluster's superuser, for fixtures (the end-of-day institution, a disbursed loan). */
    @org.springframework.beans.factory.annotation.Autowired
    void superuserJdbc(@org.springframework.beans.factory.annotation.Qualifier("operationsDataSource") javax.sql.DataSource superuser) {
        this.jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(superuser);
    }
    OpenApiDocument document;
    ContractRecorder contract;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        document = new OpenApiDocument(api.get("/v3/api-docs", null).json());
        contract = new ContractRecorder(api, document);
    }

    @Test
    void everyOperationIsExercisedWithASuccess() {
        successes();
        List<String> unexercised = new ArrayList<>();
        for (OpenApiDocument.Operation operation : document.operations()) {
            Set<Integer> statuses = contract.seen().getOrDefault(operation.key(), Set.of());
            if (statuses.stream().noneMatch(s -> s >= 200 && s < 300)) {
                unexercised.add(operation.key() + " (answered " + statuses + ")");
            }
        }
        assertThat(contract.disagreements()).as("answers that disagree with the document").isEmpty();
        assertThat(unexercised).as("operations without a successful sample: add one to successes()").isEmpty();
    }

    @Test
    void everyDocumentedErrorArrivesAsItsDocumentSays() {
        String platform = api.token("admin", Api.ADMIN_PASSWORD);
        String regulator = api.token("regulator", Api.DEMO_PASSWORD);
        String borrower = api.token("a-borrower", Api.DEMO_PASSWORD);
        for (OpenApiDocument.Operation operation : document.operations()) {
            String method = operation.method().toUpperCase();
            String path = operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            boolean body = operation.json().has("requestBody");
            if (!operation.isPublic()) {
                contract.send(method, path, null, body ? "{}" : null);
            }
            if (operation.path().contains("{")) {
                contract.send(method, path, platform, body ? "{}" : null);
            }
            if (body) {
                contract.send(method, path, platform, "{\"broken\": ");
                contract.send(method, path, platform, "[1, 2]");
            }
            if (!operation.json().path("x-permissions").isEmpty()) {
                contract.send(method, path, borrower, body ? "{}" : null);
            }
            if (!"GET".equals(method) && !operation.path().startsWith("/api/v1/auth/")) {
                contract.send(method, path, regulator, body ? "{}" : null);
            }
        }
        assertThat(contract.disagreements()).isEmpty();
        assertThat(contract.seen().values().stream().flatMap(Set::stream).distinct())
                .contains(400, 401, 403, 404);
    }

    /** At least one successful call of every operation, in an order where each finds what it needs. */
    private void successes() {
        String admin = token("a-admin", Api.DEMO_PASSWORD);
        String approver = api.token("a-approver", Api.DEMO_PASSWORD);
        String platform = api.token("admin", Api.ADMIN_PASSWORD);
        for (String user : List.of("a-admin", "regulator", "a-borrower")) {
            ok(contract.get("/api/v1/users/me", api.token(user, Api.DEMO_PASSWORD)), 200);
        }
        ok(contract.get("/api/v1/users/me", platform), 200);
        tokens(admin);
        String roleId = id(contract.send("POST", "/api/v1/roles", admin, Map.of("code", code("CT"),
                "name", "契约测试角色", "permissions", List.of("loan:view"))), 201);
        String otherRoleId = id(contract.send("POST", "/api/v1/roles", admin, Map.of("code", code("CT"),
                "name", "契约测试角色二", "permissions", List.of("loan:view"))), 201);
        ok(contract.get("/api/v1/roles", admin), 200);
        ok(contract.get("/api/v1/roles/" + roleId, admin), 200);
        ok(contract.get("/api/v1/roles/permissions", admin), 200);
        String username = IamFixtures.unique("ct");
        String userId = id(contract.send("POST", "/api/v1/users", admin, Map.of("username", username,
                "displayName", "契约 测试", "dataScope", "INSTITUTION", "initialPassword", "Contract#2026pw")), 201);
        ok(contract.get("/api/v1/users", admin), 200);
        ok(contract.get("/api/v1/users/" + userId, admin), 200);
        changeRequests(admin, approver, userId, roleId, otherRoleId);
        ok(contract.send("DELETE", "/api/v1/users/" + userId + "/roles/" + roleId, admin, null), 200);
        ok(contract.send("PUT", "/api/v1/users/" + userId + "/enabled", admin, Map.of("enabled", false)), 200);
        ok(contract.send("PUT", "/api/v1/users/" + userId + "/enabled", admin, Map.of("enabled", true)), 200);
        String temporary = ok(contract.send("POST", "/api/v1/users/" + userId + "/password-reset", admin, null), 200)
                .get("temporaryPassword").asString();
        ok(contract.send("POST", "/api/v1/auth/password", null, Map.of("username", username, "oldPassword", temporary,
                "newPassword", "Contract#2027pw")), 204);
        institutions(admin, platform);
        ok(contract.get("/api/v1/audit/verify", platform), 200);
        ok(contract.get("/api/v1/audit/entries?limit=20", admin), 200);
        products(admin, platform);
        for (String amortization : List.of("EQUAL_INSTALLMENTS", "EQUAL_PRINCIPAL", "INTEREST_ONLY_THEN_BULLET")) {
            ok(contract.send("POST", "/api/v1/calculator/schedule", null, terms(amortization)), 200);
        }
        ok(contract.send("POST", "/api/v1/calculator/servicing", null, Map.of("terms", terms("EQUAL_INSTALLMENTS"),
                "policy", Map.of("penaltyRateMultiplier", "1.5", "penaltyDaysInYear", 360, "graceDays", 3,
                        "compoundOverdueInterest", true, "classification", "CREDIT"),
                "events", List.of(Map.of("date", "2024-02-20", "type", "REPAYMENT", "amount", "500.00")),
                "asOf", "2024-04-01")), 200);
        customers(admin);
        scoring(admin, api.token("a-risk", Api.DEMO_PASSWORD));
        supervision(admin, api.token("regulator", Api.DEMO_PASSWORD));
        reporting(admin, api.token("regulator", Api.DEMO_PASSWORD));
        notifications(admin, platform);
        collections(admin);
        loans(admin, approver);
        lending(admin, approver, api.token("a-officer", Api.DEMO_PASSWORD), api.token("a-reviewer", Api.DEMO_PASSWORD));
        portal(admin);
        endOfDay();
    }

    /**
     * Regulatory reporting: a return of HZXD for the month six months before its business date (a
     * period no other test or the demo uses), downloaded, submitted and accepted by the regulator.
     */
    private void reporting(String admin, String regulator) {
        String period = java.time.YearMonth.parse(org.xiaodai.reporting.ReportingFixtures.currentPeriod(superuser, "HZXD"))
                .minusMonths(6).toString();
        String id = id(contract.send("POST", "/api/v1/reporting/returns", admin, Map.of("period", period)), 201);
        ok(contract.get("/api/v1/reporting/returns", admin), 200);
        ok(contract.get("/api/v1/reporting/returns/" + id, admin), 200);
        ok(contract.get("/api/v1/reporting/returns/" + id + "/loan-details?size=5", admin), 200);
        ok(contract.get("/api/v1/reporting/returns/" + id + "/failures", admin), 200);
        ok(contract.send("POST", "/api/v1/reporting/returns/" + id + "/submit", admin, Map.of()), 200);
        ok(contract.get("/api/v1/supervision/submissions", regulator), 200);
        ok(contract.send("POST", "/api/v1/supervision/submissions/" + id + "/receipt", regulator,
                Map.of("accepted", true, "note", "已接收")), 200);
    }

    /** The borrower portal: register, consent, price, apply, accept, repay, pay off, documents, complaints. */
    private void portal(String admin) {
        var portal = new org.xiaodai.portal.PortalFixtures(api);
        var person = org.xiaodai.portal.PortalFixtures.Person.fresh();
        portal.customer(api.token("a-officer", Api.DEMO_PASSWORD), person);
        String product = new org.xiaodai.support.OriginationFixtures(api).product(admin);
        ok(contract.send("POST", "/api/v1/portal/auth/codes", null, Map.of("mobile", person.mobile())), 202);
        ok(contract.send("POST", "/api/v1/portal/auth/register", null, Map.of("mobile", person.mobile(),
                "code", portal.codeSentTo(person.mobile()), "name", person.name(), "idNumber", person.idNumber(),
                "password", org.xiaodai.portal.PortalFixtures.PASSWORD)), 201);
        String token = ok(contract.send("POST", "/api/v1/portal/auth/token", null, Map.of("mobile", person.mobile(),
                "password", org.xiaodai.portal.PortalFixtures.PASSWORD)), 200).get("token").asString();
        String hzxd = ok(contract.get("/api/v1/portal/me", token), 200).get("lenders").get(0).get("institutionId").asString();
        ok(contract.send("POST", "/api/v1/portal/consents", token, Map.of("institutionId", hzxd,
                "purpose", "CREDIT_BUREAU_QUERY", "textVersion", "portal-2026-12")), 204);
        ok(contract.get("/api/v1/portal/products", token), 200);
        ok(contract.send("POST", "/api/v1/portal/quotes", token, Map.of("productId", product, "amount", "30000",
                "numberOfRepayments", 12)), 200);
        ok(contract.send("POST", "/api/v1/portal/documents", token, Map.of("institutionId", hzxd, "category", "OTHER",
                "fileName", "note.pdf", "contentBase64", java.util.Base64.getEncoder().encodeToString(
                        "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))), 201);
        ok(contract.get("/api/v1/portal/documents", token), 200);
        String application = id(contract.send("POST", "/api/v1/portal/applications", token, Map.of("productId", product,
                "amount", "30000", "numberOfRepayments", 12, "purpose", "CONSUMPTION",
                "answers", org.xiaodai.support.OriginationFixtures.goodAnswers(), "documents", List.of("ID_CARD"),
                "idempotencyKey", "ct-apply")), 201);
        ok(contract.get("/api/v1/portal/applications", token), 200);
        String contractId = portal.approved("a", application, token);
        ok(contract.get("/api/v1/portal/applications/" + application, token), 200);
        ok(contract.get("/api/v1/portal/contracts", token), 200);
        ok(contract.get("/api/v1/portal/contracts/" + contractId, token), 200);
        ok(contract.get("/api/v1/portal/contracts/" + contractId + "/pdf", token), 200);
        String loanId = ok(contract.send("POST", "/api/v1/portal/contracts/" + contractId + "/acceptance", token,
                Map.of("textVersion", "XD-LOAN-2026.1")), 200).get("loanId").asString();
        portal.disburse("a", loanId);
        for (int i = 0; i < 100 && !api.get("/api/v1/portal/loans/" + loanId, token).body().contains("\"ACTIVE\""); i++) {
            org.xiaodai.portal.PortalFixtures.pause();
        }
        ok(contract.get("/api/v1/portal/loans", token), 200);
        ok(contract.get("/api/v1/portal/loans/" + loanId, token), 200);
        ok(contract.send("POST", "/api/v1/portal/loans/" + loanId + "/payments", token, Map.of("kind", "REPAYMENT",
                "amount", "100.00", "idempotencyKey", "ct-pay")), 201);
        String complaint = ok(contract.send("POST", "/api/v1/portal/complaints", token, Map.of("institutionId", hzxd,
                "category", "SERVICE", "subject", "契约测试投诉", "description", "契约测试")), 201).get("id").asString();
        ok(contract.get("/api/v1/portal/complaints", token), 200);
        ok(contract.get("/api/v1/portal/complaints/" + complaint, token), 200);
        // a larger amount goes to a person, who declines it; the borrower asks for a human review
        String large = id(contract.send("POST", "/api/v1/portal/applications", token, Map.of("productId", product,
                "amount", "120000", "numberOfRepayments", 12, "purpose", "CONSUMPTION",
                "answers", org.xiaodai.support.OriginationFixtures.goodAnswers(), "documents", List.of("ID_CARD"),
                "idempotencyKey", "ct-apply-large")), 201);
        String reviewer = api.token("a-reviewer", Api.DEMO_PASSWORD);
        String approver = api.token("a-approver", Api.DEMO_PASSWORD);
        String level = api.get("/api/v1/applications/" + large, approver).json().path("openLevel").asString();
        ok(api.post("/api/v1/applications/" + large + "/decisions", "L1".equals(level) ? reviewer : approver,
                Map.of("decision", "DECLINE", "comment", "契约测试：负债过高", "reasons", List.of("REVIEWER"))), 201);
        ok(contract.send("POST", "/api/v1/portal/applications/" + large + "/human-review", token, null), 202);
        // a payoff quote needs a loan disbursed before today: the borrower is linked to one (arranged as superuser)
        UUID older = new org.xiaodai.servicing.internal.ServicingTestUtils(context).disbursedLoan(superuser(), "HZXD");
        jdbc.sql("""
                insert into portal_link (institution_id, customer_id, borrower_id, created_at)
                select l.institution_id, l.customer_id, b.id, now() from servicing_loan l, portal_borrower b
                where l.id = ? and b.mobile_hash = ?""")
                .params(older, context.getBean(org.xiaodai.customer.Customers.class).keyedDigest("portal.mobile", person.mobile()))
                .update();
        ok(contract.get("/api/v1/portal/loans/" + older + "/payoff-quote", token), 200);
    }

    /** Supervision and early warning: registry, complaints, inspections, alerts and rules. */
    private void supervision(String admin, String regulator) {
        String hzxd = ok(contract.get("/api/v1/supervision/institutions", regulator), 200).findValues("id").stream()
                .map(JsonNode::asString).filter(id -> ok(contract.get("/api/v1/supervision/institutions/" + id, regulator), 200)
                        .get("code").asString().equals("HZXD")).findFirst().orElseThrow();
        ok(contract.get("/api/v1/supervision/institutions/" + hzxd + "/indicators?from=2026-01-01&to=2026-12-31", regulator), 200);
        Map<String, Object> registry = new java.util.HashMap<>(Map.of("effectiveFrom", "2098-01-01",
                "licenceNumber", "浙金管〔2019〕18号", "licensedRegion", "330000", "businessScope", List.of("FARMER"),
                "onlineLending", false, "registeredCapital", "300000000", "netAssets", "362800000", "netAssetsYear", "2097",
                "bankLoans", "0", "shareholderLoans", "0"));
        registry.putAll(Map.of("bonds", "0", "assetBacked", "0", "status", "ACTIVE", "contactPhone", "0571-87001234",
                "contactEmail", "a@b.example", "reason", "契约测试"));
        ok(contract.send("POST", "/api/v1/supervision/institutions/" + hzxd + "/registry", regulator, registry), 201);
        ok(contract.get("/api/v1/supervision/region", api.token("association", Api.DEMO_PASSWORD)), 200);
        ok(contract.get("/api/v1/supervision/loan-events?size=5", regulator), 200);
        ok(contract.get("/api/v1/analytics/region/charts?chart=distribution&by=grade", regulator), 200);
        ok(contract.get("/api/v1/analytics/institutions/" + hzxd + "/charts?chart=trends", regulator), 200);
        ok(contract.get("/api/v1/analytics/institutions/" + hzxd + "/loans?size=5", regulator), 200);
        ok(contract.get("/api/v1/supervision/region/indicators?from=2026-01-01&to=2026-12-31",
                api.token("association", Api.DEMO_PASSWORD)), 200);
        String complaint = id(contract.send("POST", "/api/v1/complaints", regulator, Map.of("institutionId", hzxd,
                "category", "SERVICE", "subject", "契约测试", "description", "契约测试", "complainantName", "契约")), 201);
        ok(contract.get("/api/v1/complaints?status=ROUTED", admin), 200);
        ok(contract.get("/api/v1/complaints/statistics", regulator), 200);
        ok(contract.get("/api/v1/complaints/" + complaint, admin), 200);
        ok(contract.send("POST", "/api/v1/complaints/" + complaint + "/respond", admin, Map.of("response", "已处理")), 200);
        ok(contract.send("POST", "/api/v1/complaints/" + complaint + "/resolve", regulator,
                Map.of("outcome", "NOT_UPHELD", "resolution", "不成立")), 200);
        String inspection = id(contract.send("POST", "/api/v1/supervision/inspections", regulator, Map.of("institutionId", hzxd,
                "kind", "ON_SITE", "title", "契约检查", "startedOn", "2026-11-01")), 201);
        String finding = id(contract.send("POST", "/api/v1/supervision/inspections/" + inspection + "/findings", regulator,
                Map.of("severity", "LOW", "description", "契约问题", "rectificationDue", "2027-01-31")), 201);
        ok(contract.send("POST", "/api/v1/supervision/inspections/" + inspection + "/findings/" + finding + "/rectification",
                admin, Map.of("note", "已整改")), 200);
        ok(contract.send("POST", "/api/v1/supervision/inspections/" + inspection + "/findings/" + finding + "/verification",
                regulator, Map.of("accepted", true, "note", "验收")), 200);
        ok(contract.send("POST", "/api/v1/supervision/inspections/" + inspection + "/close", regulator,
                Map.of("endedOn", "2026-12-01")), 200);
        ok(contract.get("/api/v1/supervision/inspections", admin), 200);
        ok(contract.get("/api/v1/supervision/inspections/" + inspection, admin), 200);
        String alert = org.xiaodai.supervision.SupervisionFixtures.alert(superuser, hzxd);
        ok(contract.get("/api/v1/risk/alerts?status=OPEN", admin), 200);
        ok(contract.get("/api/v1/risk/alerts/" + alert, regulator), 200);
        ok(contract.send("POST", "/api/v1/risk/alerts/" + alert + "/acknowledge", admin, Map.of("note", "查看")), 200);
        ok(contract.send("POST", "/api/v1/risk/alerts/" + alert + "/assign", admin, Map.of("assignee", "郑丽华")), 200);
        ok(contract.send("POST", "/api/v1/risk/alerts/" + alert + "/resolve", regulator, Map.of("note", "已处理")), 200);
        ok(contract.get("/api/v1/risk/rules", admin), 200);
        ok(contract.send("POST", "/api/v1/risk/rules", regulator, Map.of("code", "contract-test-rule", "indicator", "score-psi",
                "comparator", "GE", "threshold", "0.5", "severity", "INFO", "scope", "INSTITUTION",
                "scopeInstitutionId", hzxd, "effectiveFrom", "2098-01-01", "enabled", false)), 201);
    }

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("operationsDataSource")
    javax.sql.DataSource operationsDataSource;

    private void collections(String admin) {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(operationsDataSource);
        String customer = id(contract.send("POST", "/api/v1/customers", admin, org.xiaodai.customer.CustomerTestUtils
                .individual(org.xiaodai.customer.CustomerTestUtils.residentId(), org.xiaodai.customer.CustomerTestUtils.mobile())), 201);
        String caseId = org.xiaodai.collection.CollectionFixtures.openCase(jdbc, "HZXD", UUID.fromString(customer), null).toString();
        String collector = jdbc.sql("select id::text from iam_user where username = 'a-collector'").query(String.class).single();
        ok(contract.get("/api/v1/collections/cases?bucket=M1", admin), 200);
        ok(contract.get("/api/v1/collections/cases/" + caseId, admin), 200);
        ok(contract.send("POST", "/api/v1/collections/cases/" + caseId + "/quiet-hours-consent", admin, Map.of("given", true)), 200);
        ok(contract.send("POST", "/api/v1/collections/cases/" + caseId + "/contacts", admin, Map.of("contactId", customer,
                "channel", "CALL", "outcome", "ANSWERED", "note", "契约测试")), 201);
        ok(contract.send("POST", "/api/v1/collections/cases/" + caseId + "/contacts", admin, Map.of("contactId",
                UUID.randomUUID().toString(), "channel", "CALL", "outcome", "ANSWERED")), 422);
        String today = jdbc.sql("""
                select business_date::text from eod_business_date b join iam_organisation o on o.id = b.institution_id
                where o.code = 'HZXD'""").query(String.class).single();
        ok(contract.send("POST", "/api/v1/collections/cases/" + caseId + "/promises", admin, Map.of("amount", "200.00",
                "promisedDate", today)), 201);
        ok(contract.send("POST", "/api/v1/collections/cases/" + caseId + "/flags", admin, Map.of("escalated", true,
                "escalationReason", "契约测试", "outsourced", false)), 200);
        ok(contract.send("POST", "/api/v1/collections/cases/" + caseId + "/assignment", admin, Map.of("collectorId", collector)), 200);
        ok(contract.send("POST", "/api/v1/collections/assignments", admin, Map.of("mode", "ROUND_ROBIN")), 200);
        ok(contract.get("/api/v1/collections/statistics", admin), 200);
    }

    private void notifications(String admin, String platform) {
        ok(contract.get("/api/v1/notifications/deliveries?status=SENT&limit=5", admin), 200);
        ok(contract.get("/api/v1/notifications/deliveries", platform), 200);
        ok(contract.get("/api/v1/notifications/simulated-sms?limit=5", platform), 200);
    }

    /** Applications, approval and contracts: an automatic approval to an accepted contract, and a reviewed one. */
    private void lending(String admin, String approver, String officer, String reviewer) {
        var fixtures = new org.xiaodai.support.OriginationFixtures(api);
        org.xiaodai.scoring.ScoringFixtures.activeModel(superuser(), "HZXD", "APPLICATION");
        String product = fixtures.product(admin);
        String customer = fixtures.borrower(officer);
        String small = id(contract.send("POST", "/api/v1/applications", officer,
                org.xiaodai.support.OriginationFixtures.application(customer, product, "30000")), 201);
        ok(contract.send("POST", "/api/v1/applications/" + small + "/investigations", officer,
                Map.of("visitDate", "2026-01-05", "findings", "契约测试：走访核实", "attachments", List.of("visit.jpg"))), 201);
        String contractId = ok(contract.send("POST", "/api/v1/applications/" + small + "/submit", officer,
                Map.of("deviceFingerprint", "ct-device")), 200).get("contractId").asString();
        ok(contract.get("/api/v1/applications/" + small, officer), 200);
        ok(contract.get("/api/v1/applications?status=APPROVED", officer), 200);
        ok(contract.get("/api/v1/contracts/" + contractId, officer), 200);
        ok(contract.get("/api/v1/contracts/" + contractId + "/pdf", officer), 200);
        ok(contract.send("POST", "/api/v1/contracts/" + contractId + "/accept", officer,
                Map.of("textVersion", "XD-LOAN-2026.1", "autoDebit", false)), 200);
        ok(contract.send("POST", "/api/v1/applications/" + small + "/security-changes", officer, Map.of("collateral",
                List.of(Map.of("type", "VEHICLE", "description", "契约测试车辆", "valuation", "80000.00", "valuationDate", "2026-01-05")),
                "guarantors", List.of(), "reason", "契约测试：追加车辆抵押")), 201);
        String reviewed = id(contract.send("POST", "/api/v1/applications", officer,
                org.xiaodai.support.OriginationFixtures.application(fixtures.borrower(officer), product, "120000")), 201);
        ok(contract.send("POST", "/api/v1/applications/" + reviewed + "/submit", officer, Map.of()), 200);
        JsonNode tasks = ok(contract.get("/api/v1/approval/tasks", reviewer), 200);
        String task = null;
        for (JsonNode t : tasks) {
            if (t.get("applicationId").asString().equals(reviewed)) {
                task = t.get("taskId").asString();
            }
        }
        ok(contract.send("POST", "/api/v1/approval/tasks/" + task + "/claim", reviewer, null), 204);
        ok(contract.send("POST", "/api/v1/approval/tasks/" + task + "/release", reviewer, null), 204);
        ok(contract.send("POST", "/api/v1/applications/" + reviewed + "/decisions", reviewer,
                Map.of("decision", "DECLINE", "comment", "契约测试：负债过高", "reasons", List.of("REVIEWER"))), 201);
        ok(contract.send("POST", "/api/v1/applications/" + reviewed + "/human-review", officer, null), 200);
        String withdrawn = id(contract.send("POST", "/api/v1/applications", officer,
                org.xiaodai.support.OriginationFixtures.application(fixtures.borrower(officer), product, "50000")), 201);
        ok(contract.send("POST", "/api/v1/applications/" + withdrawn + "/withdraw", officer, null), 200);
        JsonNode matrix = ok(contract.get("/api/v1/approval/matrix", admin), 200);
        ok(contract.send("PUT", "/api/v1/approval/matrix", admin, matrix.get("matrix")), 200);
        ok(contract.get("/api/v1/approval/statistics?from=2026-01-01&to=2026-12-31", approver), 200);
    }

    private org.springframework.jdbc.core.simple.JdbcClient superuser() {
        return org.springframework.jdbc.core.simple.JdbcClient.create(superuserDataSource);
    }

    /** On an institution of its own, so the demo institutions' business dates stay where other tests expect them. */
    private void endOfDay() {
        var bank = new org.xiaodai.eod.EodFixtures(api, jdbc, Api.ADMIN_PASSWORD).institution();
        ok(contract.get("/api/v1/eod/business-date", bank.adminToken()), 200);
        String runId = ok(contract.send("POST", "/api/v1/eod/close", bank.adminToken(),
                Map.of("through", bank.openedOn().plusDays(1).toString())), 200).get("runId").asString();
        ok(contract.send("POST", "/api/v1/eod/close", bank.adminToken(), Map.of()), 200);
        ok(contract.get("/api/v1/eod/runs/" + runId, bank.adminToken()), 200);
        contract.send("POST", "/api/v1/eod/close", bank.adminToken(), Map.of("through", "someday"));
    }

    private void customers(String admin) {
        String idNumber = org.xiaodai.customer.CustomerTestUtils.residentId();
        String id = id(contract.send("POST", "/api/v1/customers", admin, org.xiaodai.customer.CustomerTestUtils
                .individual(idNumber, org.xiaodai.customer.CustomerTestUtils.mobile())), 201);
        ok(contract.get("/api/v1/customers?q=" + idNumber.substring(14), admin), 200);
        ok(contract.get("/api/v1/customers?idNumber=" + idNumber, admin), 200);
        ok(contract.get("/api/v1/customers/" + id, admin), 200);
        ok(contract.get("/api/v1/customers/" + id + "/pii", admin), 200);
        ok(contract.send("POST", "/api/v1/customers/" + id + "/related-parties", admin,
                Map.of("relation", "SPOUSE", "name", "契约测试配偶")), 201);
        ok(contract.get("/api/v1/customers/" + id + "/related-parties", admin), 200);
        String consent = id(contract.send("POST", "/api/v1/customers/" + id + "/consents", admin,
                Map.of("purpose", "CREDIT_BUREAU_QUERY", "channel", "BRANCH", "textVersion", "CB-2026.1")), 201);
        ok(contract.send("POST", "/api/v1/customers/" + id + "/consents/" + consent + "/revoke", admin, null), 200);
        ok(contract.get("/api/v1/customers/" + id + "/consents", admin), 200);
        ok(contract.get("/api/v1/customers/" + id + "/documents", admin), 200);
        ok(contract.send("POST", "/api/v1/blacklist", admin, Map.of("idNumber", idNumber, "reason", "FRAUD",
                "evidence", "契约测试")), 201);
        ok(contract.get("/api/v1/blacklist", admin), 200);
        ok(contract.get("/api/v1/blacklist/check?idNumber=" + idNumber, admin), 200);
    }

    /** Scoring: the shipped models (seeded in the background), scoring, and a small model trained, approved and activated. */
    private void scoring(String admin, String risk) {
        String model = org.xiaodai.scoring.ScoringFixtures.await(() -> {
            for (JsonNode m : api.get("/api/v1/scoring/models", admin).json()) {
                if (m.get("purpose").asString().equals("APPLICATION") && !m.get("activeAs").isEmpty()) {
                    return m.get("id").asString();
                }
            }
            return null;
        }, java.time.Duration.ofSeconds(120));
        ok(contract.get("/api/v1/scoring/models", admin), 200);
        ok(contract.get("/api/v1/scoring/models/" + model, admin), 200);
        ok(contract.get("/api/v1/scoring/models/" + model + "/stability", admin), 200);
        ok(contract.get("/api/v1/scoring/alerts", admin), 200);
        ok(contract.send("POST", "/api/v1/scoring/scores", admin, Map.of("purpose", "APPLICATION", "subject", "CT-1",
                "inputs", Map.of("currentAccount", "A14", "termMonths", 12, "age", 35))), 200);
        StringBuilder csv = new StringBuilder("income,city,bad\n");
        for (int i = 0; i < 200; i++) {
            csv.append(1000 + i * 37 % 900).append(',').append(i % 3 == 0 ? "HZ" : "NB").append(',')
                    .append(i % 4 == 0 || (i % 3 == 0 && i % 5 == 0) ? 1 : 0).append('\n');
        }
        String trained = id(contract.send("POST", "/api/v1/scoring/models", admin, Map.of("name", code("CT"),
                "purpose", "BEHAVIOUR", "targetColumn", "bad", "csv", csv.toString())), 202);
        org.xiaodai.scoring.ScoringFixtures.await(() -> "TRAINING".equals(api.get("/api/v1/scoring/models/" + trained, admin)
                .json().get("summary").get("status").asString()) ? null : true, java.time.Duration.ofSeconds(60));
        ok(contract.send("POST", "/api/v1/scoring/models/" + trained + "/approval", risk, null), 200);
        ok(contract.send("POST", "/api/v1/scoring/models/" + trained + "/activations", admin,
                Map.of("productId", UUID.randomUUID().toString(), "role", "CHALLENGER")), 200);
    }

    private void products(String admin, String platform) {
        Map<String, Object> body = org.xiaodai.support.ProductFixtures.with(org.xiaodai.support.ProductFixtures.body(), "fees",
                List.of(org.xiaodai.support.ProductFixtures.fee("FLAT", "10.00", "AT_DISBURSEMENT")));
        ok(contract.send("POST", "/api/v1/products/preview", admin, body), 200);
        String productId = id(contract.send("POST", "/api/v1/products", admin, body), 201);
        ok(contract.send("PUT", "/api/v1/products/" + productId + "?expectedVersion=1", admin,
                org.xiaodai.support.ProductFixtures.with(body, "maxAnnualInterestRatePercent", "9.6")), 200);
        ok(contract.get("/api/v1/products", admin), 200);
        ok(contract.get("/api/v1/products/" + productId, admin), 200);
        ok(contract.get("/api/v1/products/" + productId + "/versions/1", admin), 200);
        ok(contract.get("/api/v1/lpr", admin), 200);
        ok(contract.get("/api/v1/lpr/benchmark?date=2025-06-01", platform), 200);
        ok(contract.send("POST", "/api/v1/lpr", platform, Map.of("effectiveDate", "2094-01-20", "oneYearPercent", "2.85",
                "fiveYearPercent", "3.35")), 201);
    }

    private void loans(String admin, String approver) {
        var util = new org.xiaodai.servicing.internal.ServicingTestUtils(context);
        UUID hzxd = jdbc.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        java.time.LocalDate today = jdbc.sql("select business_date from eod_business_date where institution_id = ?")
                .param(hzxd).query(java.time.LocalDate.class).single();
        UUID pending = util.open(hzxd, org.xiaodai.servicing.internal.ServicingTestUtils.terms("3000.00", "12", 6, today),
                org.xiaodai.calc.ServicingPolicy.standard(), false, UUID.randomUUID());
        ok(contract.send("POST", "/api/v1/loans/" + pending + "/disbursement", admin, Map.of("idempotencyKey", code("D"))), 202);
        String loan = util.disbursedLoan(jdbc, "HZXD").toString();
        ok(contract.get("/api/v1/loans?status=ACTIVE", admin), 200);
        ok(contract.get("/api/v1/loans/" + loan, admin), 200);
        ok(contract.get("/api/v1/loans/" + loan + "/schedule", admin), 200);
        ok(contract.get("/api/v1/loans/" + loan + "/schedules", admin), 200);
        ok(contract.get("/api/v1/loans/" + loan + "/transactions", admin), 200);
        ok(contract.get("/api/v1/loans/" + loan + "/grades", admin), 200);
        ok(contract.get("/api/v1/loans/" + loan + "/vouchers", admin), 200);
        ok(contract.get("/api/v1/loans/" + loan + "/payoff-quote", admin), 200);
        String paid = id(contract.send("POST", "/api/v1/loans/" + loan + "/repayments", admin,
                Map.of("amount", "50.00", "idempotencyKey", code("R"), "channel", "TRANSFER")), 201);
        ok(contract.send("POST", "/api/v1/loans/" + loan + "/repayments/" + paid + "/reversal", admin,
                Map.of("reason", "契约测试")), 201);
        ok(contract.send("POST", "/api/v1/loans/" + loan + "/refunds", admin,
                Map.of("amount", "10.00", "idempotencyKey", code("F"))), 201);
        ok(contract.send("PUT", "/api/v1/loans/" + loan + "/auto-debit", admin,
                Map.of("autoDebit", true, "idempotencyKey", code("M"), "reason", "契约测试")), 200);
        ok(contract.send("POST", "/api/v1/loans/" + loan + "/grade", admin,
                Map.of("grade", "SPECIAL_MENTION", "reason", "契约测试")), 200);
        ok(contract.send("POST", "/api/v1/loans/" + loan + "/restructuring-requests", admin, Map.of("kind", "EXTENSION",
                "numberOfRepayments", 12, "reason", "契约测试")), 202);
        String other = util.disbursedLoan(jdbc, "HZXD").toString();
        ok(contract.send("POST", "/api/v1/loans/" + other + "/prepayments", admin, Map.of("amount", "1000.00",
                "strategy", "SHORTER_TERM", "idempotencyKey", code("P"))), 201);
        ok(contract.send("POST", "/api/v1/loans/" + other + "/payoff", admin, Map.of("idempotencyKey", code("O"))), 201);
        String late = util.disbursedLoan(jdbc, "HZXD").toString();
        jdbc.sql("update servicing_loan set status = 'OVERDUE' where id = ?::uuid").param(late).update();
        ok(contract.send("POST", "/api/v1/loans/" + late + "/write-off-requests", admin, Map.of("reason", "契约测试")), 202);
        ok(contract.get("/api/v1/ledger/trial-balance", admin), 200);
        ok(contract.get("/api/v1/ledger/reconciliation?date=" + today, admin), 200);
    }

    private void tokens(String admin) {
        String name = IamFixtures.unique("contract");
        ok(contract.send("POST", "/api/v1/auth/tokens", admin, Map.of("name", name)), 201);
        String tokenId = null;
        for (JsonNode token : ok(contract.get("/api/v1/auth/tokens", admin), 200)) {
            if (name.equals(token.get("name").asString())) {
                tokenId = token.get("id").asString();
            }
        }
        assertThat(tokenId).as("the token just issued is listed").isNotNull();
        ok(contract.send("DELETE", "/api/v1/auth/tokens/" + tokenId, admin, null), 204);
    }

    private void changeRequests(String admin, String approver, String userId, String roleId, String otherRoleId) {
        String approved = ok(contract.send("POST", "/api/v1/users/" + userId + "/role-grants", admin,
                Map.of("roleId", roleId)), 202).get("changeRequestId").asString();
        ok(contract.get("/api/v1/change-requests/" + approved, approver), 200);
        ok(contract.get("/api/v1/change-requests?pendingOnly=false", approver), 200);
        ok(contract.send("POST", "/api/v1/change-requests/" + approved + "/approve", approver,
                Map.of("note", "契约测试")), 200);
        contract.send("POST", "/api/v1/change-requests/" + approved + "/approve", approver, Map.of());
        String rejected = ok(contract.send("POST", "/api/v1/users/" + userId + "/role-grants", admin,
                Map.of("roleId", otherRoleId)), 202).get("changeRequestId").asString();
        ok(contract.send("POST", "/api/v1/change-requests/" + rejected + "/reject", approver, Map.of()), 200);
    }

    private void institutions(String admin, String platform) {
        JsonNode own = ok(contract.get("/api/v1/institutions", admin), 200);
        String institutionId = own.get(0).get("id").asString();
        ok(contract.get("/api/v1/institutions/" + institutionId, admin), 200);
        ok(contract.send("POST", "/api/v1/institutions/" + institutionId + "/branches", admin,
                Map.of("code", code("B"), "name", "契约测试支行")), 201);
        ok(contract.get("/api/v1/institutions/" + institutionId + "/branches", admin), 200);
        ok(contract.send("POST", "/api/v1/institutions", platform, Map.of("kind", "LENDER", "code", code("CT"),
                "name", "契约测试小额贷款公司", "regionCode", "330100")), 201);
        ok(contract.get("/api/v1/institutions", platform), 200);
    }

    private String token(String username, String password) {
        return ok(contract.send("POST", "/api/v1/auth/token", null, Map.of("username", username, "password", password)), 200)
                .get("token").asString();
    }

    private JsonNode ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    private String id(Api.Response response, int status) {
        return ok(response, status).get("id").asString();
    }

    private static String code(String prefix) {
        return (prefix + "_" + UUID.randomUUID().toString().substring(0, 6)).toUpperCase().replace('-', '_');
    }

    private static Map<String, Object> terms(String amortization) {
        return Map.ofEntries(Map.entry("principal", "10000.00"), Map.entry("annualInterestRatePercent", "12"),
                Map.entry("currencyDigits", 2), Map.entry("roundingMode", "HALF_UP"), Map.entry("amortization", amortization),
                Map.entry("interestMethod", "DECLINING_BALANCE"), Map.entry("interestAccrual", "PER_PERIOD"),
                Map.entry("installmentBasis", "NOMINAL_PERIODIC_RATE"), Map.entry("numberOfRepayments", 12),
                Map.entry("repaymentEvery", 1), Map.entry("repaymentFrequency", "MONTHS"), Map.entry("daysInYear", "365"),
                Map.entry("daysInMonth", "ACTUAL"), Map.entry("disbursementDate", "2024-01-15"),
                Map.entry("firstRepaymentDate", "2024-02-15"), Map.entry("installmentAmountInMultiplesOf", "0.01"),
                Map.entry("graceOnPrincipalPeriods", 0), Map.entry("graceOnInterestPaymentPeriods", 0));
    }
}
