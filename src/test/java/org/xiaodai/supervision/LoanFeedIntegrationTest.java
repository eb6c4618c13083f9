package org.xiaodai.supervision;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regulator's real-time feed: a loan disbursed and repaid in one institution shows up in the
 * regulator's list within seconds, in order; its own institution's administrator sees it, another
 * institution's does not (not even by filtering on its id), and nonsense filters are a 400.
 */
@IntegrationTest
class LoanFeedIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @Test
    void aNewLoanAndItsRepaymentReachTheRegulatorWithinSecondsAndNoOtherInstitution() throws Exception {
        Api api = new Api(port);
        String regulator = api.token("regulator", Api.DEMO_PASSWORD);
        UUID hzxd = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        LocalDate today = superuser.sql("select business_date from eod_business_date where institution_id = ?").param(hzxd)
                .query(LocalDate.class).single();
        ServicingTestUtils util = new ServicingTestUtils(context);
        UUID loanId = util.open(hzxd, ServicingTestUtils.terms("8000.00", "12", 6, today.minusDays(3)), ServicingPolicy.standard(),
                false, UUID.randomUUID());
        util.activate(hzxd, loanId, today.minusDays(3));
        util.repay(hzxd, loanId, today, "123.45", "feed-" + loanId);

        JsonNode mine = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode page = api.get("/api/v1/supervision/loan-events?institutionId=" + hzxd + "&size=50", regulator).json();
            java.util.List<JsonNode> rows = new java.util.ArrayList<>();
            page.path("items").forEach(r -> {
                if (r.path("loanId").asString().equals(loanId.toString())) {
                    rows.add(r);
                }
            });
            if (rows.size() == 2) {
                mine = page;
                assertThat(rows).extracting(r -> r.path("kind").asString()).containsExactly("REPAYMENT", "NEW_LOAN");
                assertThat(rows.getFirst().path("amount").asString()).isEqualTo("123.45");
                assertThat(rows.getLast().path("amount").asString()).isEqualTo("8000.00");
                assertThat(rows.getLast().path("institutionCode").asString()).isEqualTo("HZXD");
                break;
            }
            Thread.sleep(100);
        }
        assertThat(mine).as("both events in the regulator's feed within 10 s").isNotNull();

        String aAdmin = api.token("a-admin", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/supervision/loan-events?kind=NEW_LOAN&size=200", aAdmin).body()).contains(loanId.toString());
        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/supervision/loan-events?size=200", bAdmin).body()).doesNotContain(loanId.toString());
        Api.Response filtered = api.get("/api/v1/supervision/loan-events?institutionId=" + hzxd, bAdmin);
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.json().path("total").asLong()).isZero();
        assertThat(api.get("/api/v1/supervision/loan-events?kind=nonsense", regulator).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/supervision/loan-events?institutionId=nonsense", regulator).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/supervision/loan-events", api.token("association", Api.DEMO_PASSWORD)).status())
                .isEqualTo(403);
    }
}
