package org.xiaodai.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.ProductFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xiaodai.support.ProductFixtures.body;
import static org.xiaodai.support.ProductFixtures.fee;
import static org.xiaodai.support.ProductFixtures.with;

/**
 * 砍头息 (deducting interest or fees from the principal paid out, 民法典 Art. 670) is impossible by
 * construction: a fee can only be charged beside the principal, the API has no way to say
 * otherwise, the database refuses to store anything else, and a disbursement always pays out the
 * whole principal.
 */
@IntegrationTest
class NoUpfrontDeductionIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Products products;
    Api api;
    String admin;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.token("a-admin", Api.DEMO_PASSWORD);
    }

    @Test
    void aDisbursementPaysOutTheWholePrincipalAndChargesTheFeesBesideIt() {
        var body = with(with(with(body(), "fees", List.of(
                fee("FLAT", "100.00", "AT_DISBURSEMENT"), fee("PERCENT", "1", "AT_DISBURSEMENT"),
                fee("PERCENT", "0.02", "PER_INSTALLMENT"))), "maxAnnualInterestRatePercent", "8"), "minPrincipal", "50000.00");
        String id = new ProductFixtures(api).create(admin, with(body, "minNumberOfRepayments", 12));
        UUID hzxd = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        ProductVersion version = TenantWall.asInstitution(hzxd, () -> products.version(UUID.fromString(id), 1)).orElseThrow();
        for (String principal : List.of("50000.00", "123456.78", "200000.00")) {
            Disbursement d = products.disbursement(version, new LoanOffer(new BigDecimal(principal), 12, new BigDecimal("8"), null));
            assertThat(d.paidOut()).as("paid out of %s", principal).isEqualByComparingTo(principal);
            assertThat(d.chargedAtDisbursement()).extracting(Disbursement.Charge::amount)
                    .containsExactly(new BigDecimal("100.00"), new BigDecimal(principal).movePointLeft(2).setScale(2, java.math.RoundingMode.HALF_UP));
            assertThat(d.chargedPerInstallment()).extracting(Disbursement.Charge::amount).containsExactly(
                    new BigDecimal(principal).multiply(new BigDecimal("0.0002")).setScale(2, java.math.RoundingMode.HALF_UP));
        }
    }

    @Test
    void theApiHasNoWayToDeductAFeeFromThePrincipal() {
        Api.Response refused = api.post("/api/v1/products", admin, with(body(), "fees",
                List.of(fee("FLAT", "300.00", "DEDUCTED_FROM_PRINCIPAL"))));
        assertThat(refused.status()).isEqualTo(400);
        var error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("fees[0].charge");
        assertThat(error.get("rule").asString()).isEqualTo("deductionForbidden");
        Api.Response other = api.post("/api/v1/products", admin, with(body(), "fees",
                List.of(fee("FLAT", "300.00", "WITHHELD"))));
        assertThat(other.json().get("errors").get(0).get("rule").asString()).isEqualTo("oneOf");
    }

    @Test
    void theDatabaseRefusesToStoreAFeeThatIsNotCharged() {
        String id = new ProductFixtures(api).create(admin, with(body(), "fees", List.of(fee("FLAT", "10.00", "AT_DISBURSEMENT"))));
        for (String fees : List.of("[{\"name\":\"x\",\"kind\":\"FLAT\",\"value\":\"300\",\"charge\":\"DEDUCTED\"}]",
                "[{\"name\":\"x\",\"kind\":\"FLAT\",\"value\":\"300\"}]")) {
            assertThatThrownBy(() -> superuser.sql("""
                    insert into product_version (product_id, institution_id, version, effective_from, name, product_type,
                        security_type, currency, definition, lowest_apr_percent, highest_apr_percent, lpr_date, lpr_percent,
                        rate_cap_percent, rate_cap_exceeded, created_at)
                    select product_id, institution_id, version + 100, effective_from, name, product_type, security_type,
                        currency, jsonb_set(definition, '{fees}', ?::jsonb), lowest_apr_percent, highest_apr_percent,
                        lpr_date, lpr_percent, rate_cap_percent, rate_cap_exceeded, created_at
                    from product_version where product_id = ?::uuid""").params(fees, id).update())
                    .as(fees).hasMessageContaining("product_version_fees_are_charged_never_deducted");
        }
    }
}
