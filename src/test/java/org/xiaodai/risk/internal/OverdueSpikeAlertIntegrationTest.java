package org.xiaodai.risk.internal;

import java.math.BigDecimal;
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
import org.xiaodai.customer.domain.PiiCipher;
import org.xiaodai.eod.DayClosed;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue-spike rule gets its feed: at end of day the overdue rate of each region and industry of the
 * book is kept, and a segment whose rate rises more than 3 points over its mean of the 30 days before raises
 * {@code overdue-spike} for that segment; a segment without overdue loans raises nothing.
 */
@IntegrationTest
class OverdueSpikeAlertIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    RiskFeeds feeds;
    @Autowired
    ApplicationContext context;
    @Autowired
    PiiCipher cipher;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    private UUID borrower(UUID institution, String idNumber, String region, String industry) {
        UUID customer = UUID.randomUUID();
        var sealed = cipher.seal(idNumber, "customer:" + customer + ":idNumber");
        superuser.sql("""
                insert into customer (id, institution_id, kind, name, id_number_cipher, id_number_key_id, id_number_index,
                    id_number_masked, region_code, industry_code, created_at, updated_at)
                values (?, ?, 'INDIVIDUAL', '分段样例', ?, ?, ?, '3604****0000', ?, ?, now(), now())""")
                .params(customer, institution, sealed.ciphertext(), sealed.keyId(), cipher.blindIndex("idNumber", idNumber),
                        region, industry).update();
        return customer;
    }

    private UUID loan(ServicingTestUtils util, UUID institution, UUID customer, LocalDate disbursed) {
        UUID id = util.open(institution, ServicingTestUtils.terms("10000.00", "12", 6, disbursed), ServicingPolicy.standard(),
                false, ServicingTestUtils.payableLoanId());
        util.activate(institution, id, disbursed);
        superuser.sql("update servicing_loan set customer_id = ? where id = ?").params(customer, id).update();
        return id;
    }

    /** Runs the end-of-day reaction (asynchronous) and waits until its transaction stored the day's segment rates. */
    private void close(UUID institution, LocalDate day) throws InterruptedException {
        feeds.on(new DayClosed(institution, day, day.plusDays(1), UUID.randomUUID()));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (superuser.sql("select count(*) from risk_segment_rate where institution_id = ? and as_of = ?")
                    .params(institution, day).query(Long.class).single() > 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the end of day of " + day + " did not finish");
    }

    private long spikes(UUID institution, String subject) {
        return superuser.sql("select count(*) from risk_alert where institution_id = ? and rule_code = 'overdue-spike'"
                + " and subject = ?").params(institution, subject).query(Long.class).single();
    }

    @Test
    void anOverdueRiseInARegionAndIndustryRaisesTheSpikeForThoseSegmentsOnly() throws InterruptedException {
        UUID inst = ServicingTestUtils.newInstitution(new Api(port), superuser);
        ServicingTestUtils util = new ServicingTestUtils(context);
        LocalDate d0 = LocalDate.of(2025, 1, 10);
        UUID west = borrower(inst, "360426199101010071", "330106", "A0111");
        UUID alsoWest = borrower(inst, "11010519491231002X", "330106", "A0112");
        UUID east = borrower(inst, "110105194912310029", "330212", "F5132");
        UUID late = loan(util, inst, west, d0);
        loan(util, inst, alsoWest, d0);
        loan(util, inst, east, d0);

        close(inst, LocalDate.of(2025, 1, 20));
        assertThat(superuser.sql("select rate from risk_segment_rate where institution_id = ? and segment = 'region:330106'")
                .param(inst).query(BigDecimal.class).single()).isEqualByComparingTo("0");
        assertThat(spikes(inst, "region:330106")).as("the first day is the baseline").isZero();

        superuser.sql("update servicing_loan set status = 'OVERDUE', oldest_unpaid_due = date '2025-01-15' where id = ?")
                .param(late).update();
        close(inst, LocalDate.of(2025, 2, 5));
        assertThat(superuser.sql("select rate from risk_segment_rate where institution_id = ? and segment = 'region:330106'"
                + " and as_of = date '2025-02-05'").param(inst).query(BigDecimal.class).single())
                .isEqualByComparingTo("0.5");
        assertThat(spikes(inst, "region:330106")).isEqualTo(1);
        assertThat(spikes(inst, "industry:A")).isEqualTo(1);
        assertThat(spikes(inst, "region:330212")).as("no overdue loan there").isZero();
        assertThat(spikes(inst, "industry:F")).isZero();
        assertThat(superuser.sql("select value from risk_alert where institution_id = ? and rule_code = 'overdue-spike'"
                + " and subject = 'region:330106'").param(inst).query(BigDecimal.class).single()).isEqualByComparingTo("0.5");
    }
}
