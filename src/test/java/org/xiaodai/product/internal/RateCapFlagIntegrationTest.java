package org.xiaodai.product.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.BranchDirectory;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.RateCapMode;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.time.BusinessDate;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code xiaodai.product.rate-cap-mode=FLAG} a product above the benchmark is saved, flagged,
 * with its computed rate: the catalogue is built here with that setting around the application's
 * own beans (the shared test context runs with the default, REFUSE), against the real database.
 */
@IntegrationTest
class RateCapFlagIntegrationTest {

    @Autowired
    ProductStore store;
    @Autowired
    LprTable lpr;
    @Autowired
    BranchDirectory branches;
    @Autowired
    BusinessDate businessDate;
    @Autowired
    AuditTrail audit;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JsonMapper json;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @Test
    void inFlagModeAProductAboveTheBenchmarkIsSavedFlaggedWithItsRate() {
        ProductCatalogue flagging = new ProductCatalogue(store, lpr, branches, businessDate, audit, clock,
                new ProductProperties(RateCapMode.FLAG, BigDecimal.valueOf(4)));
        UUID hzxd = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        UUID admin = superuser.sql("select id from iam_user where username = 'a-admin'").query(UUID.class).single();
        CurrentUser caller = new CurrentUser(admin, "a-admin", "机构管理员", hzxd, OrganisationKind.LENDER,
                new DataScope(ScopeLevel.INSTITUTION, hzxd, null, admin), Set.of("product:manage"), false, 0);
        var body = org.xiaodai.support.ProductFixtures.with(org.xiaodai.support.ProductFixtures.body(),
                "maxAnnualInterestRatePercent", "15");
        ProductBody request = json.readValue(json.writeValueAsString(body), ProductBody.class);
        ProductVersion saved = TenantWall.asInstitution(hzxd, () -> transactions.execute(tx -> flagging.create(caller, request)));
        assertThat(saved.rateCapExceeded()).isTrue();
        assertThat(saved.highestAnnualRatePercent()).isGreaterThanOrEqualTo(new BigDecimal("15.00"));
        assertThat(saved.rateCapPercent()).isEqualByComparingTo("12");
        assertThat(superuser.sql("select rate_cap_exceeded from product_version where product_id = ?")
                .param(saved.productId()).query(Boolean.class).single()).isTrue();
    }
}
