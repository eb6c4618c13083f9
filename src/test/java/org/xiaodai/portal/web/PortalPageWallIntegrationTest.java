package org.xiaodai.portal.web;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.xiaodai.portal.PortalFixtures;
import org.xiaodai.scoring.ScoringFixtures;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.OriginationFixtures;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The id-walking test of the portal's pages (session and CSRF, as a phone uses them): a signed-in
 * borrower who puts another borrower's or another institution's application, contract, loan
 * (with its statement and payoff), complaint or institution id into any {@code /portal} URL or form
 * gets a 404 and nothing of theirs; lists show only the borrower's own rows; a borrower session
 * opens no staff page and a staff session no portal page.
 */
@IntegrationTest
class PortalPageWallIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    JdbcClient jdbc;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    /** What another borrower holds: ids and words of theirs that must never show up on my pages. */
    record Theirs(String application, String contract, String contractNumber, String loan, String customer,
                  String complaintReference, String complaintSubject, String document, String product) {
    }

    @Test
    void anotherBorrowersAndAnotherInstitutionsIdsAreNotFoundOnEveryPortalPage() throws Exception {
        Api api = new Api(port);
        PortalFixtures portal = new PortalFixtures(api);
        OriginationFixtures origination = new OriginationFixtures(api);
        ScoringFixtures.activeModel(jdbc, "HZXD", "APPLICATION");
        ScoringFixtures.activeModel(jdbc, "NBXD", "APPLICATION");
        String aOfficer = api.token("a-officer", Api.DEMO_PASSWORD);
        String bOfficer = api.token("b-officer", Api.DEMO_PASSWORD);
        UUID hzxd = institution("HZXD");
        UUID nbxd = institution("NBXD");

        PortalFixtures.Person me = PortalFixtures.Person.fresh();
        portal.customer(aOfficer, me);
        portal.register(me);
        // the same institution, another borrower; and another institution (where I am no customer)
        Theirs neighbour = borrowerWithEverything(api, portal, aOfficer, "a", hzxd,
                origination.product(api.token("a-admin", Api.DEMO_PASSWORD)));
        Theirs elsewhere = borrowerWithEverything(api, portal, bOfficer, "b", nbxd,
                origination.product(api.token("b-admin", Api.DEMO_PASSWORD)));

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession mine = borrowerSession(mvc, me);
        MockHttpServletResponse home = mvc.perform(get("/portal").session(mine)).andReturn().getResponse();
        assertThat(home.getStatus()).as("my own portal opens").isEqualTo(200);

        List<String> walked = new ArrayList<>();
        for (Theirs theirs : List.of(neighbour, elsewhere)) {
            for (String path : List.of("/portal/applications/" + theirs.application(),
                    "/portal/contracts/" + theirs.contract(), "/portal/contracts/" + theirs.contract() + "/pdf",
                    "/portal/loans/" + theirs.loan())) {
                notFound(mvc, get(path).session(mine), theirs);
                walked.add("GET " + path);
            }
            notFound(mvc, post("/portal/applications/" + theirs.application() + "/human-review").session(mine).with(csrf()), theirs);
            notFound(mvc, post("/portal/contracts/" + theirs.contract() + "/accept").session(mine).with(csrf())
                    .param("textVersion", "x").param("agree", "on"), theirs);
            notFound(mvc, post("/portal/contracts/" + theirs.contract() + "/accept").session(mine).with(csrf())
                    .param("textVersion", "x"), theirs);
            for (String kind : List.of("REPAYMENT", "PREPAYMENT", "PAYOFF")) {
                notFound(mvc, post("/portal/loans/" + theirs.loan() + "/pay").session(mine).with(csrf())
                        .param("kind", kind).param("amount", "1.00").param("idempotencyKey", "steal-" + kind), theirs);
            }
            walked.add("POST on " + theirs.loan());
        }
        // institution ids in forms: the other institution, where I am not a customer
        notFound(mvc, post("/portal/consents").session(mine).with(csrf()).param("institutionId", nbxd.toString())
                .param("purpose", "DATA_SHARING").param("textVersion", "portal-2026-12").param("agree", "on"), elsewhere);
        notFound(mvc, post("/portal/complaints").session(mine).with(csrf()).param("institutionId", nbxd.toString())
                .param("category", "OTHER").param("subject", "s").param("description", "d"), elsewhere);
        notFound(mvc, multipart("/portal/documents").file(new MockMultipartFile("file", "x.png", "image/png", png()))
                .session(mine).with(csrf()).param("institutionId", nbxd.toString()).param("category", "OTHER"), elsewhere);
        notFound(mvc, post("/portal/apply").session(mine).with(csrf()).param("productId", elsewhere.product())
                .param("amount", "30000").param("numberOfRepayments", "12").param("purpose", "CONSUMPTION")
                .param("idempotencyKey", "steal"), elsewhere);

        // the lists: only mine
        for (String list : List.of("/portal", "/portal/documents", "/portal/complaints", "/portal/consents", "/portal/apply")) {
            MockHttpServletResponse page = mvc.perform(get(list).session(mine)).andReturn().getResponse();
            assertThat(page.getStatus()).as(list).isEqualTo(200);
            for (Theirs theirs : List.of(neighbour, elsewhere)) {
                assertNothingOf(theirs, page.getContentAsString(), list);
            }
        }
        assertThat(mvc.perform(get("/portal/apply").session(mine)).andReturn().getResponse().getContentAsString())
                .as("no product of an institution where I am no customer").doesNotContain(elsewhere.product());
        // nothing was changed for them by my attempts
        assertThat(jdbc.sql("select count(*) from servicing_transaction where loan_id = ?::uuid and idempotency_key like '%steal%'")
                .param(neighbour.loan()).query(Long.class).single()).isZero();
        assertThat(walked).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void aBorrowerSessionOpensNoStaffPageAndAStaffSessionNoPortalPage() throws Exception {
        Api api = new Api(port);
        PortalFixtures portal = new PortalFixtures(api);
        PortalFixtures.Person me = PortalFixtures.Person.fresh();
        String myCustomer = portal.customer(api.token("a-officer", Api.DEMO_PASSWORD), me);
        portal.register(me);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession borrower = borrowerSession(mvc, me);
        MockHttpSession staff = (MockHttpSession) mvc.perform(formLogin("/login").user("a-admin").password(Api.DEMO_PASSWORD))
                .andReturn().getRequest().getSession(false);
        String staffHome = mvc.perform(get("/").session(staff)).andReturn().getResponse().getContentAsString();
        assertThat(staffHome).as("the staff session works").contains("class=\"who-name\"");

        List<String> staffPages = new ArrayList<>();
        List<String> portalPages = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            if (!methods(entry.getKey()).contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", myCustomer);
                if (pattern.startsWith("/portal")) {
                    if (!pattern.startsWith("/portal/login") && !pattern.startsWith("/portal/register")) {
                        portalPages.add(path);
                    }
                } else if (!pattern.startsWith("/api/") && !pattern.startsWith("/error") && !PUBLIC_STAFF_PAGES.contains(pattern)) {
                    staffPages.add(path);
                }
            }
        }
        List<String> opened = new ArrayList<>();
        for (String path : staffPages) {
            MockHttpServletResponse r = mvc.perform(get(path).session(borrower)).andReturn().getResponse();
            boolean refused = r.getStatus() == 401 || r.getStatus() == 403 || r.getStatus() == 404
                    || (r.getStatus() == 302 && r.getRedirectedUrl() != null && r.getRedirectedUrl().endsWith("/login"));
            if (!refused || r.getContentAsString().contains(myCustomer) || r.getContentAsString().contains("who-name")) {
                opened.add("borrower: " + path + " -> " + r.getStatus() + " " + r.getRedirectedUrl());
            }
        }
        for (String path : portalPages) {
            MockHttpServletResponse r = mvc.perform(get(path).session(staff)).andReturn().getResponse();
            boolean refused = r.getStatus() == 403 || r.getStatus() == 404
                    || (r.getStatus() == 302 && r.getRedirectedUrl() != null && r.getRedirectedUrl().endsWith("/portal/login"));
            if (!refused) {
                opened.add("staff: " + path + " -> " + r.getStatus() + " " + r.getRedirectedUrl());
            }
        }
        assertThat(opened).as("pages the other kind of session opened").isEmpty();
        assertThat(staffPages).as("staff pages walked").hasSizeGreaterThan(30);
        assertThat(portalPages).as("portal pages walked").hasSizeGreaterThanOrEqualTo(8);
        // and the session is no bearer of the other kind's writes either
        assertThat(mvc.perform(post("/portal/complaints").session(staff).with(csrf()).param("institutionId", institution("HZXD")
                .toString()).param("category", "OTHER").param("subject", "s").param("description", "d"))
                .andReturn().getResponse().getStatus()).isIn(302, 403);
    }

    @Test
    void noPortalPageAnswersABorrowerWithAServerErrorWhateverTheIdsAndForms() throws Exception {
        Api api = new Api(port);
        PortalFixtures portal = new PortalFixtures(api);
        PortalFixtures.Person me = PortalFixtures.Person.fresh();
        portal.customer(api.token("a-officer", Api.DEMO_PASSWORD), me);
        portal.register(me);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession mine = borrowerSession(mvc, me);
        List<String> failed = new ArrayList<>();
        int walked = 0;
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/portal") || pattern.equals("/portal/logout")) {
                    continue;
                }
                for (RequestMethod method : methods(info)) {
                    for (String id : List.of(UUID.randomUUID().toString(), "not-an-id")) {
                        String path = pattern.replaceAll("\\{[^}]+}", id);
                        for (String value : method == RequestMethod.GET ? List.of("", "x") : GARBAGE) {
                            var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                    .request(method.asHttpMethod(), path).session(mine).with(csrf());
                            for (String name : FORM_FIELDS) {
                                request.param(name, value);
                            }
                            int status;
                            try {
                                status = mvc.perform(request).andReturn().getResponse().getStatus();
                            } catch (Exception e) { // what the servlet container would answer with a 500
                                status = 500;
                            }
                            walked++;
                            if (status >= 500) {
                                failed.add(method + " " + path + " '" + (value.length() > 20 ? value.substring(0, 20) : value)
                                        + "' -> " + status);
                            }
                        }
                    }
                }
            }
        }
        assertThat(failed).as("portal requests answered with a server error").isEmpty();
        assertThat(walked).isGreaterThan(50);
    }

    static final List<String> GARBAGE = List.of("", " ", "x".repeat(5000), "-1", "1e999", "NaN", "<script>", "2024-02-30",
            "🙂", "null");
    static final List<String> FORM_FIELDS = List.of("mobile", "password", "code", "name", "idNumber", "institutionId",
            "purpose", "textVersion", "agree", "productId", "amount", "numberOfRepayments", "idempotencyKey", "kind",
            "autoDebit", "category", "subject", "description", "employmentLength", "housing", "savings");

    /** Pages anybody may open without signing in (docs/architecture.md, "Public without sign-in"). */
    static final List<String> PUBLIC_STAFF_PAGES = List.of("/login", "/password", "/password/change", "/favicon.ico",
            "/swagger-ui.html", "/v3/api-docs", "/v3/api-docs/swagger-config", "/calculator");

    // ------------------------------------------------------------------ helpers

    private Theirs borrowerWithEverything(Api api, PortalFixtures portal, String officer, String prefix, UUID institution,
                                          String product) {
        PortalFixtures.Person p = PortalFixtures.Person.fresh();
        String customer = portal.customer(officer, p);
        String token = portal.register(p);
        ok(api.post("/api/v1/portal/consents", token, Map.of("institutionId", institution.toString(),
                "purpose", "CREDIT_BUREAU_QUERY", "textVersion", "portal-2026-12")), 204);
        JsonNode application = ok(api.post("/api/v1/portal/applications", token, Map.of("productId", product,
                "amount", "30000", "numberOfRepayments", 12, "purpose", "CONSUMPTION", "answers",
                OriginationFixtures.goodAnswers(), "documents", List.of("ID_CARD"), "idempotencyKey", "wall")), 201);
        String contract = portal.approved(prefix, application.get("id").asString(), token);
        JsonNode contractView = ok(api.get("/api/v1/portal/contracts/" + contract, token), 200);
        String textVersion = contractView.get("textVersion").asString();
        String loan = ok(api.post("/api/v1/portal/contracts/" + contract + "/acceptance", token,
                Map.of("textVersion", textVersion)), 200).get("loanId").asString();
        String subject = "投诉-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode complaint = ok(api.post("/api/v1/portal/complaints", token, Map.of("institutionId", institution.toString(),
                "category", "OTHER", "subject", subject, "description", "d")), 201);
        String file = "their-" + UUID.randomUUID().toString().substring(0, 8) + ".png";
        ok(api.post("/api/v1/portal/documents", token, Map.of("institutionId", institution.toString(), "category", "OTHER",
                "fileName", file, "contentBase64", Base64.getEncoder().encodeToString(png()))), 201);
        return new Theirs(application.get("id").asString(), contract, contractView.get("contractNumber").asString(), loan,
                customer, complaint.get("reference").asString(), subject, file, product);
    }

    private MockHttpSession borrowerSession(MockMvc mvc, PortalFixtures.Person p) throws Exception {
        var login = mvc.perform(post("/portal/login").with(csrf()).param("mobile", p.mobile())
                .param("password", PortalFixtures.PASSWORD)).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).as("borrower signed in").isEqualTo("/portal");
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    private void notFound(MockMvc mvc, org.springframework.test.web.servlet.RequestBuilder request, Theirs theirs)
            throws Exception {
        var result = mvc.perform(request).andReturn();
        String what = result.getRequest().getMethod() + " " + result.getRequest().getRequestURI();
        assertThat(result.getResponse().getStatus()).as(what).isEqualTo(404);
        assertNothingOf(theirs, result.getResponse().getContentAsString(), what);
    }

    private static void assertNothingOf(Theirs theirs, String body, String where) {
        assertThat(body).as("%s leaks nothing of theirs", where)
                .doesNotContain(theirs.customer())
                .doesNotContain(theirs.complaintReference())
                .doesNotContain(theirs.complaintSubject())
                .doesNotContain(theirs.document())
                .doesNotContain(theirs.contractNumber());
        if (!where.contains(theirs.loan())) {
            assertThat(body).as(where).doesNotContain(theirs.loan());
        }
        if (!where.contains(theirs.contract())) {
            assertThat(body).as(where).doesNotContain(theirs.contract());
        }
        if (!where.contains(theirs.application())) {
            assertThat(body).as(where).doesNotContain(theirs.application());
        }
    }

    private static List<RequestMethod> methods(RequestMappingInfo info) {
        var declared = info.getMethodsCondition().getMethods();
        return declared.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(declared);
    }

    private UUID institution(String code) {
        return jdbc.sql("select id from iam_organisation where code = ?").param(code).query(UUID.class).single();
    }

    private static JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.body() == null || r.body().isBlank() ? null : r.json();
    }

    /** A 1×1 PNG. */
    static byte[] png() {
        return Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    }
}
