package org.xiaodai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Walks every page mapping (everything outside {@code /api}) with unknown ids, ids that are not
 * ids, and forms full of garbage: a page may refuse, but it never answers with a 500.
 */
@IntegrationTest
class PageSurfaceIntegrationTest {

    static final List<String> GARBAGE = List.of("", " ", "x".repeat(5000), "-1", "1e999", "NaN", "<script>",
            "2024-02-30", "🙂", "null");

    @Autowired
    WebApplicationContext context;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** As the cluster's superuser: tests arrange and inspect rows on both sides of the tenant wall. */
    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") javax.sql.DataSource superuser) {
        this.jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(superuser);
    }
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noPageAnswersBadIdsOrGarbageFormsWithAServerError() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        List<String> checked = new ArrayList<>();
        for (String user : List.of("a-admin", "admin")) {
            String password = user.equals("admin") ? Api.ADMIN_PASSWORD : Api.DEMO_PASSWORD;
            var login = mvc.perform(formLogin("/login").user(user).password(password)).andReturn();
            assertThat(login.getResponse().getRedirectedUrl()).as("%s signed in", user).isEqualTo("/");
            MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
            var home = mvc.perform(request(org.springframework.http.HttpMethod.GET, "/").session(session)).andReturn();
            assertThat(home.getResponse().getStatus()).as("%s reaches the home page, not a password change", user)
                    .isEqualTo(200);
            assertThat(home.getResponse().getContentAsString()).as("signed-in shell").contains("class=\"who-name\"");
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
                for (String pattern : entry.getKey().getPatternValues()) {
                    if (pattern.startsWith("/api/") || pattern.equals("/logout") || pattern.startsWith("/error")) {
                        continue;
                    }
                    for (RequestMethod method : methods(entry.getKey())) {
                        for (String id : List.of(UUID.randomUUID().toString(), "not-an-id")) {
                            String path = pattern.replaceAll("\\{[^}]+}", id);
                            for (String value : method == RequestMethod.GET ? List.of("") : GARBAGE) {
                                int status = mvc.perform(garbage(request(method.asHttpMethod(), path), value)
                                        .session(session).with(csrf())).andReturn().getResponse().getStatus();
                                assertThat(status).as("%s %s as %s with '%s'", method, path, user,
                                        value.length() > 20 ? value.substring(0, 20) + "…" : value).isLessThan(500);
                                checked.add(method + " " + path);
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(40);
    }

    @Test
    void everyPageShowingOneRecordAnswersAnotherInstitutionsIdWithNotFound() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession aAdmin = (MockHttpSession) mvc.perform(formLogin("/login").user("a-admin").password(Api.DEMO_PASSWORD))
                .andReturn().getRequest().getSession(false);
        String foreignLoan = new org.xiaodai.servicing.internal.ServicingTestUtils(context).disbursedLoan(jdbc, "NBXD").toString();
        Map<String, String> foreign = pairs(
                "institutions", jdbc.sql("select id from iam_organisation where code = 'NBXD'").query(String.class).single(),
                "users", jdbc.sql("select id from iam_user where username = 'b-officer'").query(String.class).single(),
                "customers", jdbc.sql("""
                        select c.id from customer c join iam_organisation o on o.id = c.institution_id
                        where o.code = 'NBXD' order by c.created_at limit 1""").query(String.class).single(),
                "products", foreignProduct(),
                "scoring", org.xiaodai.scoring.ScoringFixtures.activeModel(jdbc, "NBXD", "APPLICATION").toString(),
                "supervision", nbxd(),
                "analytics", nbxd(),
                "complaints", jdbc.sql("select c.id from supervision_complaint c join iam_organisation o "
                        + "on o.id = c.institution_id where o.code = 'NBXD' limit 1").query(String.class).single(),
                "risk", org.xiaodai.supervision.SupervisionFixtures.alert(jdbc, nbxd()),
                "collections", org.xiaodai.collection.CollectionFixtures.openCase(jdbc, "NBXD",
                        org.xiaodai.collection.CollectionFixtures.customer(jdbc, "NBXD"), null).toString(),
                "eod", org.xiaodai.eod.EodFixtures.storedRun(jdbc, "NBXD"),
                "loans", foreignLoan,
                "ledger", foreignLoan,
                "reporting", org.xiaodai.reporting.ReportingFixtures.generated(new Api(port),
                        new Api(port).token("b-admin", Api.DEMO_PASSWORD),
                        org.xiaodai.reporting.ReportingFixtures.currentPeriod(jdbc, "NBXD")),
                "applications", foreignApplication()[0], "contracts", foreignApplication()[1]);
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                // the borrower portal's pages answer borrowers only (403 to staff); PortalApiIntegrationTest and
                // PortalBrowserTest walk them with other borrowers' and institutions' ids
                if (pattern.startsWith("/api/") || pattern.startsWith("/portal") || !pattern.contains("{")
                        || !methods(entry.getKey()).contains(RequestMethod.GET)) {
                    continue;
                }
                String resource = pattern.split("/")[1];
                assertThat(foreign).as("no foreign record fixture for page %s: add one to this test", pattern).containsKey(resource);
                String path = pattern.replaceAll("\\{[^}]+}", foreign.get(resource));
                int status = mvc.perform(request(org.springframework.http.HttpMethod.GET, path).session(aAdmin))
                        .andReturn().getResponse().getStatus();
                assertThat(status).as("GET %s by another institution", path).isEqualTo(404);
                checked.add(path);
            }
        }
        assertThat(checked).isNotEmpty();
    }

    private String nbxd() {
        return jdbc.sql("select id::text from iam_organisation where code = 'NBXD'").query(String.class).single();
    }

    private String[] foreignLending;

    /** An application of NBXD approved automatically, and its contract, made through the API by its admin. */
    private String[] foreignApplication() {
        if (foreignLending == null) {
            Api api = new Api(port);
            String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
            var lending = new org.xiaodai.support.OriginationFixtures(api);
            String application = lending.create(bAdmin, org.xiaodai.support.OriginationFixtures.application(
                    lending.borrower(bAdmin), lending.product(bAdmin), "30000"));
            foreignLending = new String[] {application, lending.submit(bAdmin, application).get("contractId").asString()};
        }
        return foreignLending;
    }

    /** A product of NBXD, made through the API by its admin. */
    private String foreignProduct() {
        Api api = new Api(port);
        return new org.xiaodai.support.ProductFixtures(api).create(api.token("b-admin", Api.DEMO_PASSWORD),
                org.xiaodai.support.ProductFixtures.body());
    }

    private static List<RequestMethod> methods(RequestMappingInfo info) {
        var declared = info.getMethodsCondition().getMethods();
        return declared.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(declared);
    }

    /** Every parameter a page form might read, set to the same garbage value. */
    private static MockHttpServletRequestBuilder garbage(MockHttpServletRequestBuilder request, String value) {
        for (String name : List.of("username", "displayName", "dataScope", "branchId", "initialPassword", "password",
                "oldPassword", "newPassword", "repeatPassword", "roleId", "code", "name", "kind", "uscc", "regionCode",
                "parentId", "permissions", "note", "enabled", "principal", "annualInterestRatePercent",
                "numberOfRepayments", "repaymentEvery", "repaymentFrequency", "amortization", "disbursementDate",
                "firstRepaymentDate", "interestMethod", "interestAccrual", "installmentBasis", "daysInYear", "daysInMonth",
                "roundingMode", "installmentAmountInMultiplesOf", "graceOnPrincipalPeriods",
                "graceOnInterestPaymentPeriods", "all", "lang", "q", "sort", "dir", "page", "size", "from", "to", "actor",
                "action", "institution", "object", "status", "edit", "confirm", "roleIds",
                "purpose", "targetColumn", "productId", "role", "mode", "bucket", "contactId", "channel", "outcome", "amount",
                "promisedDate", "escalated", "escalationReason", "outsourced", "outsourcedAgency", "given", "collectorId",
                "event", "mobile", "idempotencyKey", "reason", "grade", "strategy", "date")) {
            request.param(name, value);
        }
        return request;
    }

    /** A map from alternating keys and values (more than Map.of's ten pairs). */
    private static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
