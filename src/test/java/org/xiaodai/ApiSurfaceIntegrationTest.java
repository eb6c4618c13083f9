package org.xiaodai;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every REST endpoint the application maps, so a new endpoint is covered without anyone
 * remembering to add it: data scope (another institution's id is a 404), the regulator's read-only
 * access to lending data (every write a 403), and bad input (always a 4xx problem detail, never a 500).
 */
@IntegrationTest
class ApiSurfaceIntegrationTest {

    @LocalServerPort
    int port;
    /** The regulator-writable paths, as the modules contribute them (never a copy in this test). */
    @Autowired
    org.xiaodai.iam.internal.AccessCatalogue catalogue;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext context;

    /** As the cluster's superuser: tests arrange and inspect rows on both sides of the tenant wall. */
    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    record Endpoint(RequestMethod method, String pattern, HandlerMethod handler) {
        boolean hasPathVariable() {
            return pattern.contains("{");
        }

        String path(Function<String, String> idFor) {
            StringBuilder out = new StringBuilder();
            String[] segments = pattern.split("/");
            for (int i = 0; i < segments.length; i++) {
                if (i > 0) {
                    out.append('/');
                }
                out.append(segments[i].startsWith("{") ? idFor.apply(segments[i - 1]) : segments[i]);
            }
            return out.toString();
        }
    }

    List<Endpoint> apiEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                // the borrower portal's API answers borrower tokens only (a staff token is 401 there);
                // PortalApiIntegrationTest walks it with other borrowers' and institutions' ids
                if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/portal/")) {
                    continue;
                }
                entry.getKey().getMethodsCondition().getMethods()
                        .forEach(m -> endpoints.add(new Endpoint(m, pattern, entry.getValue())));
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(10);
        return endpoints;
    }

    @Test
    void everyGetByIdOfAnotherInstitutionsRecordIsNotFound() {
        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        Map<String, String> foreignIds = foreignRecords(bAdmin);
        String aAdmin = api.token("a-admin", Api.DEMO_PASSWORD);
        List<String> checked = new ArrayList<>();
        for (Endpoint endpoint : apiEndpoints()) {
            if (endpoint.method() != RequestMethod.GET || !endpoint.hasPathVariable()) {
                continue;
            }
            String path = endpoint.path(segment -> {
                assertThat(foreignIds).as("no foreign record fixture for /%s/{id}: add one to this test", segment)
                        .containsKey(segment);
                return foreignIds.get(segment);
            });
            Api.Response own = api.get(path, bAdmin);
            assertThat(own.status()).as("owner reads %s", path).isEqualTo(200);
            Api.Response response = api.get(path, aAdmin);
            assertThat(response.status()).as("GET %s by another institution", path).isEqualTo(404);
            assertThat(response.isProblem()).isTrue();
            checked.add(path);
        }
        assertThat(checked).isNotEmpty();
    }

    @Test
    void regulatorGetsForbiddenOnEveryLendingWrite() {
        String regulator = api.token("regulator", Api.DEMO_PASSWORD);
        List<String> checked = new ArrayList<>();
        for (Endpoint endpoint : apiEndpoints()) {
            if (endpoint.method() == RequestMethod.GET || org.xiaodai.support.RegulatorPaths.writable(catalogue, endpoint.pattern())) {
                continue;
            }
            String path = endpoint.path(segment -> UUID.randomUUID().toString());
            Api.Response response = api.send(endpoint.method().name(), path, regulator, "{}");
            assertThat(response.status()).as("%s %s by the regulator", endpoint.method(), path).isEqualTo(403);
            assertThat(response.isProblem()).isTrue();
            checked.add(endpoint.method() + " " + path);
        }
        assertThat(checked).hasSizeGreaterThan(5);
    }

    /**
     * Every list (GET without a path variable) read by institution A's admin, also with filters and
     * paging that name institution B or ask for everything, holds none of the ids of B's rows in
     * any tenant-owned table: found from the schema, so a new module's tables are covered too.
     */
    @Test
    void noListShowsAnotherInstitutionsRecordsWhateverTheFilterOrPage() {
        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        foreignRecords(bAdmin);
        api.post("/api/v1/auth/tokens", bAdmin, Map.of("name", "b-list-walker"));
        String nbxd = jdbc.sql("select id::text from iam_organisation where code = 'NBXD'").query(String.class).single();
        java.util.Set<String> foreign = new java.util.HashSet<>(idsOfInstitution(nbxd));
        foreign.add(nbxd);
        assertThat(foreign).hasSizeGreaterThan(10);
        String aAdmin = api.token("a-admin", Api.DEMO_PASSWORD);
        String query = "?institutionId=" + nbxd + "&institution=" + nbxd + "&limit=500&size=500&page=0&pending=false";
        List<String> checked = new ArrayList<>();
        for (Endpoint endpoint : apiEndpoints()) {
            if (endpoint.method() != RequestMethod.GET || endpoint.hasPathVariable()) {
                continue;
            }
            for (String path : List.of(endpoint.pattern(), endpoint.pattern() + query)) {
                Api.Response response = api.get(path, aAdmin);
                assertThat(response.status()).as("GET %s: %s", path, response.body()).isLessThan(500);
                List<String> leaked = foreign.stream().filter(response.body()::contains).toList();
                assertThat(leaked).as("GET %s by another institution shows its records", path).isEmpty();
                checked.add(path);
            }
        }
        assertThat(checked).hasSizeGreaterThan(8);
    }

    /**
     * Inside one institution, a user limited to a branch subtree or to its own records reads no
     * other user (nor their tokens) by id or in any list.
     */
    @Test
    void branchAndOwnScopeHoldForEveryListAndEveryRead() {
        String aAdmin = api.token("a-admin", Api.DEMO_PASSWORD);
        var fixtures = new org.xiaodai.support.IamFixtures(api, jdbc);
        String role = fixtures.role(aAdmin, "SCOPE_WALK", List.of("iam:user:view", "iam:token:manage"));
        for (String scope : List.of("BRANCH", "OWN")) {
            String name = org.xiaodai.support.IamFixtures.unique("walk-" + scope.toLowerCase());
            String id = fixtures.user(aAdmin, name, scope, "E01");
            fixtures.grant(aAdmin, id, role, "a-approver");
            String token = api.token(name, org.xiaodai.support.IamFixtures.PASSWORD);
            api.get("/api/v1/users", aAdmin); // a-admin's own token exists, outside both scopes
            List<String> outside = scope.equals("OWN") ? otherUsersAndTheirTokens(id) : usersAndTokensOutsideBranch("E01");
            assertThat(outside).as("out-of-scope records of HZXD").hasSizeGreaterThan(3);
            for (Endpoint endpoint : apiEndpoints()) {
                if (endpoint.method() != RequestMethod.GET) {
                    continue;
                }
                if (!endpoint.hasPathVariable()) {
                    Api.Response response = api.get(endpoint.pattern(), token);
                    assertThat(outside.stream().filter(response.body()::contains).toList())
                            .as("GET %s with %s scope", endpoint.pattern(), scope).isEmpty();
                } else if (endpoint.pattern().equals("/api/v1/users/{id}")) {
                    for (String other : outside.subList(0, 3)) {
                        assertThat(api.get("/api/v1/users/" + other, token).status())
                                .as("GET another user by id with %s scope", scope).isIn(404);
                    }
                    assertThat(api.get("/api/v1/users/" + id, token).status()).as("itself").isEqualTo(200);
                }
            }
        }
    }

    /** The ids of every row of {@code institution} in every table with an institution_id and an id column. */
    private List<String> idsOfInstitution(String institution) {
        List<String> tables = jdbc.sql("""
                select c.table_name from information_schema.columns c
                where c.table_schema = 'public' and c.column_name = 'institution_id'
                  and exists (select from information_schema.columns i where i.table_schema = 'public'
                              and i.table_name = c.table_name and i.column_name = 'id')""").query(String.class).list();
        List<String> ids = new ArrayList<>();
        for (String table : tables) {
            ids.addAll(jdbc.sql("select id::text from " + table + " where institution_id = ?::uuid").param(institution)
                    .query(String.class).list());
        }
        return ids;
    }

    private List<String> usersAndTokensOutsideBranch(String branchCode) {
        return jdbc.sql("""
                with inside as (select b.path from iam_branch b join iam_organisation o on o.id = b.institution_id
                                where o.code = 'HZXD' and b.code = ?),
                     outside as (select u.id from iam_user u join iam_organisation o on o.id = u.institution_id
                                 left join iam_branch b on b.id = u.branch_id
                                 where o.code = 'HZXD' and (b.path is null or b.path not like (select path from inside) || '%'))
                select id::text from outside
                union all select t.id::text from iam_api_token t where t.user_id in (select id from outside)""")
                .param(branchCode).query(String.class).list();
    }

    private List<String> otherUsersAndTheirTokens(String userId) {
        return jdbc.sql("""
                with others as (select u.id from iam_user u join iam_organisation o on o.id = u.institution_id
                                where o.code = 'HZXD' and u.id <> ?::uuid)
                select id::text from others
                union all select t.id::text from iam_api_token t where t.user_id in (select id from others)""")
                .param(userId).query(String.class).list();
    }

    @Test
    void everyWriteEndpointAnswersBadInputWithAProblemDetailNeverA500() {
        String admin = api.token("admin", Api.ADMIN_PASSWORD);
        int checked = 0;
        for (Endpoint endpoint : apiEndpoints()) {
            if (endpoint.method() != RequestMethod.POST && endpoint.method() != RequestMethod.PUT
                    && endpoint.method() != RequestMethod.PATCH) {
                continue;
            }
            Class<?> body = requestBodyType(endpoint.handler());
            if (body == null) {
                continue;
            }
            String path = endpoint.path(segment -> UUID.randomUUID().toString());
            for (Map.Entry<String, String> bad : badBodies(body).entrySet()) {
                Api.Response response = api.send(endpoint.method().name(), path, admin, bad.getValue());
                assertThat(response.status()).as("%s %s with %s: %s", endpoint.method(), path, bad.getKey(), response.body())
                        .isBetween(400, 499);
                assertThat(response.isProblem()).as("%s %s with %s is a problem detail", endpoint.method(), path, bad.getKey())
                        .isTrue();
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void openApiDescribesEveryEndpointAndSwaggerUiIsServed() {
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Xiaodai (小贷) API");
        assertThat(docs.json().get("components").get("securitySchemes").has("bearerToken")).isTrue();
        for (Endpoint endpoint : apiEndpoints()) {
            assertThat(docs.json().get("paths").has(endpoint.pattern())).as("%s documented", endpoint.pattern()).isTrue();
        }
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    /** Malformed, wrongly typed, missing and oversize bodies for one request type. */
    static Map<String, String> badBodies(Class<?> type) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"a\": ");
        bodies.put("not JSON at all", "<xml/>");
        bodies.put("an array", "[1, 2]");
        bodies.put("null", "null");
        bodies.put("empty", "");
        bodies.put("oversize", "{\"x\": \"" + "的".repeat(200_000) + "\"}");
        if (type.isRecord()) {
            Map<String, Object> wrong = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                wrong.put(component.getName(), wrongValueFor(component.getType()));
            }
            bodies.put("wrong types", Api.json(wrong));
            boolean anyRequired = java.util.Arrays.stream(type.getRecordComponents()).anyMatch(c ->
                    c.isAnnotationPresent(jakarta.validation.constraints.NotNull.class)
                            || c.isAnnotationPresent(jakarta.validation.constraints.NotBlank.class)
                            || c.isAnnotationPresent(jakarta.validation.constraints.NotEmpty.class));
            if (anyRequired) {
                bodies.put("missing fields", "{}");
            }
        }
        return bodies;
    }

    private static Object wrongValueFor(Class<?> type) {
        if (type == String.class) {
            return Map.of("nested", List.of(1, 2));
        }
        if (type == Boolean.class || type == boolean.class) {
            return "perhaps";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "twelve";
        }
        if (List.class.isAssignableFrom(type)) {
            return Map.of("not", "a list");
        }
        return "not-a-" + type.getSimpleName();
    }

    private static Class<?> requestBodyType(HandlerMethod handler) {
        for (Parameter parameter : handler.getMethod().getParameters()) {
            if (parameter.isAnnotationPresent(RequestBody.class)) {
                return parameter.getType();
            }
        }
        return null;
    }

    /** One record of institution NBXD per resource segment, created through the API by its admin. */
    private Map<String, String> foreignRecords(String bAdmin) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("institutions", jdbc.sql("select id from iam_organisation where code = 'NBXD'").query(String.class).single());
        String userId = jdbc.sql("select id from iam_user where username = 'b-officer'").query(String.class).single();
        ids.put("users", userId);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', 'X');
        Api.Response role = api.post("/api/v1/roles", bAdmin, Map.of("code", "B_ROLE_" + suffix, "name", "B 自定义角色",
                "permissions", List.of("loan:view")));
        assertThat(role.status()).as(role.body()).isEqualTo(201);
        ids.put("roles", role.json().get("id").asString());
        Api.Response grant = api.post("/api/v1/users/" + userId + "/role-grants", bAdmin,
                Map.of("roleId", role.json().get("id").asString()));
        assertThat(grant.status()).as(grant.body()).isEqualTo(202);
        ids.put("change-requests", grant.json().get("changeRequestId").asString());
        ids.put("customers", org.xiaodai.customer.CustomerTestUtils.create(api, bAdmin,
                org.xiaodai.customer.CustomerTestUtils.individual(org.xiaodai.customer.CustomerTestUtils.residentId(),
                        org.xiaodai.customer.CustomerTestUtils.mobile())));
        ids.put("products", new org.xiaodai.support.ProductFixtures(api).create(bAdmin,
                org.xiaodai.support.ProductFixtures.body()));
        ids.put("versions", "1");
        ids.put("models", org.xiaodai.scoring.ScoringFixtures.activeModel(jdbc, "NBXD", "APPLICATION").toString());
        String regulator = api.token("regulator", Api.DEMO_PASSWORD);
        ids.put("complaints", org.xiaodai.supervision.SupervisionFixtures.complaint(api, regulator, ids.get("institutions")));
        ids.put("inspections", org.xiaodai.supervision.SupervisionFixtures.inspection(api, regulator, ids.get("institutions")));
        ids.put("alerts", org.xiaodai.supervision.SupervisionFixtures.alert(jdbc, ids.get("institutions")));
        ids.put("returns", org.xiaodai.reporting.ReportingFixtures.generated(api, bAdmin,
                org.xiaodai.reporting.ReportingFixtures.currentPeriod(jdbc, "NBXD")));
        ids.put("cases", org.xiaodai.collection.CollectionFixtures.openCase(jdbc, "NBXD",
                org.xiaodai.collection.CollectionFixtures.customer(jdbc, "NBXD"), null).toString());
        ids.put("runs", org.xiaodai.eod.EodFixtures.storedRun(jdbc, "NBXD"));
        ids.put("loans", new org.xiaodai.servicing.internal.ServicingTestUtils(context).disbursedLoan(jdbc, "NBXD").toString());
        var lending = new org.xiaodai.support.OriginationFixtures(api);
        String application = lending.create(bAdmin, org.xiaodai.support.OriginationFixtures.application(
                lending.borrower(bAdmin), lending.product(bAdmin), "30000"));
        ids.put("applications", application);
        ids.put("contracts", lending.submit(bAdmin, application).get("contractId").asString());
        return ids;
    }
}
