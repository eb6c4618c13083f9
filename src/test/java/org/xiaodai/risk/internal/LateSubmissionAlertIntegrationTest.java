package org.xiaodai.risk.internal;

import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.eod.DayClosed;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monthly return not submitted by the 5th raises the shipped {@code late-submission} alert at the
 * end of day after its due date, once per period however many days close while it stays late; a
 * submitted return raises none; the alert is the institution's (another's admin does not see it).
 * The end-of-day reaction is called directly (it runs asynchronously, as after a commit).
 */
@IntegrationTest
class LateSubmissionAlertIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    RiskFeeds feeds;
    JdbcClient superuser;
    UUID nbxd;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @BeforeEach
    void setUp() {
        nbxd = superuser.sql("select id from iam_organisation where code = 'NBXD'").query(UUID.class).single();
    }

    /**
     * Runs the end-of-day reaction for the day (asynchronous, like every module listener) and waits until its
     * transaction committed: NBXD's demo complaint is past its deadline on these dates, so the same run raises
     * {@code complaint-response-overdue} for the day.
     */
    private void close(LocalDate day) throws InterruptedException {
        feeds.on(new DayClosed(nbxd, day, day.plusDays(1), UUID.randomUUID()));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (superuser.sql("select count(*) from risk_alert where institution_id = ? and as_of = ?"
                    + " and rule_code = 'complaint-response-overdue'").params(nbxd, day).query(Long.class).single() > 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the end of day of " + day + " did not finish");
    }

    private long alerts(String subject) {
        return superuser.sql("select count(*) from risk_alert where institution_id = ? and rule_code = 'late-submission'"
                + " and subject = ?").params(nbxd, subject).query(Long.class).single();
    }

    @Test
    void aReturnNotSubmittedByTheFifthRaisesOneAlertForItsPeriod() throws InterruptedException {
        close(LocalDate.of(2097, 3, 5));
        assertThat(alerts("return:2097-02")).as("due on the 5th: not late yet").isZero();
        close(LocalDate.of(2097, 3, 6));
        assertThat(alerts("return:2097-02")).isEqualTo(1);
        close(LocalDate.of(2097, 3, 9));
        close(LocalDate.of(2097, 3, 31));
        assertThat(alerts("return:2097-02")).as("never raised twice for the same period").isEqualTo(1);
        var alert = superuser.sql("select as_of, value, severity, indicator from risk_alert where institution_id = ?"
                + " and rule_code = 'late-submission' and subject = 'return:2097-02'").params(nbxd).query().singleRow();
        assertThat(alert.get("as_of").toString()).isEqualTo("2097-03-06");
        assertThat(((java.math.BigDecimal) alert.get("value")).intValue()).isEqualTo(1);
        assertThat(alert.get("severity")).isEqualTo("WARNING");
        assertThat(alert.get("indicator")).isEqualTo("return-days-late");

        Api api = new Api(port);
        assertThat(api.get("/api/v1/risk/alerts?q=late-submission&size=200", api.token("b-admin", Api.DEMO_PASSWORD)).body())
                .contains("return:2097-02");
        assertThat(api.get("/api/v1/risk/alerts?q=late-submission&size=200", api.token("regulator", Api.DEMO_PASSWORD)).body())
                .contains("return:2097-02");
        assertThat(api.get("/api/v1/risk/alerts?size=200", api.token("a-admin", Api.DEMO_PASSWORD)).body())
                .doesNotContain("return:2097-02");
    }

    @Test
    void aSubmittedReturnRaisesNone() throws InterruptedException {
        superuser.sql("""
                insert into reporting_return (id, institution_id, period, version, status, as_of, collected_on, due_on,
                    loans, balance, quality_score, generated_at, generated_by_name, submitted_at, submitted_on, late)
                values (?, ?, '2097-05', 1, 'SUBMITTED', date '2097-05-31', date '2097-06-01', date '2097-06-05',
                        0, 0, 100, now(), 'test', now(), date '2097-06-08', true)""").params(UUID.randomUUID(), nbxd).update();
        close(LocalDate.of(2097, 6, 9));
        assertThat(alerts("return:2097-05")).isZero();
        close(LocalDate.of(2097, 7, 6));
        assertThat(alerts("return:2097-06")).as("the next month's return is late").isEqualTo(1);
    }
}
