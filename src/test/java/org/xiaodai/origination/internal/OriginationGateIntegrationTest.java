package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.origination.domain.LoanPurpose;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A suspended or revoked institution cannot originate (DOMAIN.md, supervision's registry): creating and
 * submitting are refused with a problem detail naming the rule; an active licence lets it through.
 * A fresh institution of the test's own, so no other test's institution is ever suspended.
 */
@IntegrationTest
class OriginationGateIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationService applications;
    JdbcClient superuser;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @Test
    void aSuspendedInstitutionIsRefusedOnCreateAndSubmitNamingTheRuleAndARevokedOneToo() {
        Api api = new Api(port);
        UUID institution = ServicingTestUtils.newInstitution(api, superuser);
        UUID officer = UUID.randomUUID();
        CurrentUser caller = new CurrentUser(officer, "gate-officer", "测试信贷员", institution, OrganisationKind.LENDER,
                new DataScope(ScopeLevel.INSTITUTION, institution, null, officer), Set.of("application:create"), false, 0);
        UUID draft = draft(institution, officer);
        String regulator = api.token("regulator", Api.DEMO_PASSWORD);

        assertThat(refusal(institution, () -> applications.submit(caller, draft, "127.0.0.1", null)))
                .as("no registry entry yet: the regulator has not ruled, the gate lets it by (the made-up product then is not found)")
                .extracting(ProblemException::code).isNotEqualTo("origination-refused");
        register(api, regulator, institution, "2000-01-01", "ACTIVE");
        assertThat(refusal(institution, () -> applications.create(caller, newApplication(), null, null)))
                .as("active: past the gate (then refused for the unknown customer)").isNotNull()
                .extracting(ProblemException::code).isEqualTo("invalid-input");

        register(api, regulator, institution, "2000-01-02", "SUSPENDED");
        ProblemException create = refusal(institution, () -> applications.create(caller, newApplication(), null, null));
        assertThat(create.status().value()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("origination-refused");
        assertThat(create.properties()).containsEntry("rule", "licenceSuspended");
        ProblemException submit = refusal(institution, () -> applications.submit(caller, draft, "127.0.0.1", null));
        assertThat(submit.status().value()).isEqualTo(403);
        assertThat(submit.properties()).containsEntry("rule", "licenceSuspended");
        assertThat(superuser.sql("select status from origination_application where id = ?").param(draft)
                .query(String.class).single()).isEqualTo("DRAFT");

        register(api, regulator, institution, "2000-01-03", "REVOKED");
        assertThat(refusal(institution, () -> applications.submit(caller, draft, "127.0.0.1", null)).properties())
                .containsEntry("rule", "licenceRevoked");
    }

    /**
     * The gate's answer is kept across transactions under the reference version: a suspension written
     * past this instance (another instance, or by hand) bumps it, and the very next creation is refused.
     */
    @Test
    void aSuspensionWrittenByAnotherInstanceStopsTheNextCreation() {
        Api api = new Api(port);
        UUID institution = ServicingTestUtils.newInstitution(api, superuser);
        UUID officer = UUID.randomUUID();
        CurrentUser caller = new CurrentUser(officer, "gate-officer", "测试信贷员", institution, OrganisationKind.LENDER,
                new DataScope(ScopeLevel.INSTITUTION, institution, null, officer), Set.of("application:create"), false, 0);
        register(api, api.token("regulator", Api.DEMO_PASSWORD), institution, "2000-01-01", "ACTIVE");
        for (int i = 0; i < 2; i++) {
            assertThat(refusal(institution, () -> applications.create(caller, newApplication(), null, null)))
                    .as("active: past the gate (then refused for the unknown customer)")
                    .extracting(ProblemException::code).isEqualTo("invalid-input");
        }
        superuser.sql("""
                insert into supervision_registry (id, institution_id, version, effective_from, licence_number, licensed_region,
                    business_scope, online_lending, registered_capital, net_assets, net_assets_year, bank_loans,
                    shareholder_loans, bonds, asset_backed, status, reason, changed_by_name, changed_at)
                select ?, institution_id, version + 1, date '2000-01-02', licence_number, licensed_region, business_scope,
                    online_lending, registered_capital, net_assets, net_assets_year, bank_loans, shareholder_loans, bonds,
                    asset_backed, 'SUSPENDED', '另一实例', '监管员', now()
                from supervision_registry where institution_id = ? order by version desc limit 1""")
                .params(UUID.randomUUID(), institution).update();
        ProblemException create = refusal(institution, () -> applications.create(caller, newApplication(), null, null));
        assertThat(create.code()).isEqualTo("origination-refused");
        assertThat(create.properties()).containsEntry("rule", "licenceSuspended");
    }

    private static ProblemException refusal(UUID institution, Runnable work) {
        return catchThrowableOfType(ProblemException.class, () -> TenantWall.asInstitution(institution, work));
    }

    private static NewApplication newApplication() {
        return new NewApplication(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal("30000"), 12, new BigDecimal("9.6"),
                LoanPurpose.CONSUMPTION, "OFFLINE", Map.of(), List.of(), List.of(), List.of(), null);
    }

    private UUID draft(UUID institution, UUID owner) {
        UUID customer = superuser.sql("select id from customer limit 1").query(UUID.class).single();
        UUID id = UUID.randomUUID();
        superuser.sql("""
                insert into origination_application (id, institution_id, owner_id, customer_id, customer_name, product_id,
                    product_version, amount, number_of_repayments, annual_rate_percent, purpose, channel, status,
                    created_at, updated_at)
                values (?, ?, ?, ?, '测试', ?, 1, 30000, 12, 9.6, 'CONSUMPTION', 'OFFLINE', 'DRAFT', now(), now())""")
                .params(id, institution, owner, customer, UUID.randomUUID()).update();
        return id;
    }

    private static void register(Api api, String regulator, UUID institution, String from, String status) {
        Map<String, Object> body = new HashMap<>(Map.of("effectiveFrom", from, "licenceNumber", "浙金管〔2026〕99号",
                "licensedRegion", "330100", "businessScope", List.of("FARMER"), "registeredCapital", "200000000",
                "netAssets", "228400000", "netAssetsYear", "2025", "bankLoans", "0", "shareholderLoans", "0"));
        body.putAll(Map.of("bonds", "0", "assetBacked", "0", "status", status, "reason", "测试：" + status));
        Api.Response changed = api.post("/api/v1/supervision/institutions/" + institution + "/registry", regulator, body);
        assertThat(changed.status()).as(changed.body()).isEqualTo(201);
    }
}
