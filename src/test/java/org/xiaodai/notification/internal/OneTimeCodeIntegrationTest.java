package org.xiaodai.notification.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.customer.CustomerTestUtils;
import org.xiaodai.notification.OneTimeCodes;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One-time codes as the portal uses them: delivered through the simulated SMS gateway at once,
 * single-use, expiring, dead after too many wrong tries, rate-limited per number, never stored.
 */
@IntegrationTest
class OneTimeCodeIntegrationTest {

    @Autowired
    OneTimeCodes codes;
    @Autowired
    DeliveryLog log;
    @Autowired
    MobileDigest digest;
    JdbcClient jdbc;
    UUID hzxd;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        hzxd = jdbc.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
    }

    /** The code as the simulated gateway delivered it (what a demo user reads on the operator's page). */
    String delivered(String mobile) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> texts = jdbc.sql("select body from notification_simulated_sms where mobile_hash = ? order by sent_at desc")
                    .param(digest.ofSimulatedSms(mobile)).query(String.class).list();
            if (!texts.isEmpty()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{6})").matcher(texts.getFirst());
                assertThat(m.find()).as(texts.getFirst()).isTrue();
                return m.group(1);
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no text message to " + mobile);
    }

    @Test
    void aCodeArrivesBySmsAndWorksExactlyOnce() {
        String mobile = CustomerTestUtils.mobile();
        OneTimeCodes.Issued issued = codes.issue(hzxd, "portal.register", mobile, "zh");
        assertThat(issued.mobileMasked()).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        String code = delivered(mobile);
        assertThat(jdbc.sql("select count(*) from notification_one_time_code where code_hash like ?").param("%" + code + "%")
                .query(Long.class).single()).as("only a hash is stored").isZero();
        for (String unkeyed : List.of(org.xiaodai.shared.Sha256.hex(mobile), org.xiaodai.shared.Sha256.hex("otc-mobile:" + mobile),
                org.xiaodai.shared.Sha256.hex("sms:" + mobile))) {
            assertThat(jdbc.sql("""
                    select (select count(*) from notification_one_time_code where mobile_hash = ?)
                         + (select count(*) from notification_simulated_sms where mobile_hash = ?)""")
                    .params(unkeyed, unkeyed).query(Long.class).single()).as("the mobile is digested with a key").isZero();
        }
        assertThat(jdbc.sql("select count(*) from notification_one_time_code where mobile_hash = ?").param(digest.ofCodes(mobile))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(codes.verify(hzxd, "portal.login", mobile, code)).as("another purpose").isFalse();
        assertThat(codes.verify(hzxd, "portal.register", mobile, code)).isTrue();
        assertThat(codes.verify(hzxd, "portal.register", mobile, code)).as("used once").isFalse();
        assertThat(log.simulatedSms(mobile, 5)).as("nobody signed in: the tenant wall shows nothing").isEmpty();
        assertThat(org.xiaodai.shared.tenant.TenantWall.regionWide(() -> log.simulatedSms(mobile, 5))).singleElement()
                .satisfies(sms -> assertThat(sms.body()).startsWith("【小贷】您的验证码为" + code));
    }

    @Test
    void anExpiredCodeNoLongerWorks() {
        String mobile = CustomerTestUtils.mobile();
        OneTimeCodes.Issued issued = codes.issue(hzxd, "portal.login", mobile, "en");
        String code = delivered(mobile);
        assertThat(issued.expiresAt()).isAfter(java.time.Instant.now(java.time.Clock.systemUTC()).plusSeconds(240));
        jdbc.sql("update notification_one_time_code set expires_at = created_at where id = ?").param(issued.id()).update();
        assertThat(codes.verify(hzxd, "portal.login", mobile, code)).isFalse();
    }

    @Test
    void tooManyWrongTriesKillTheCode() {
        String mobile = CustomerTestUtils.mobile();
        codes.issue(hzxd, "portal.login", mobile, "zh");
        String code = delivered(mobile);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(codes.verify(hzxd, "portal.login", mobile, wrong)).isFalse();
        }
        assertThat(codes.verify(hzxd, "portal.login", mobile, code)).as("dead after five wrong tries").isFalse();
    }

    @Test
    void aNumberAskingAgainWithinAMinuteIsRateLimitedAndABadNumberIsRefused() {
        String mobile = CustomerTestUtils.mobile();
        codes.issue(hzxd, "portal.register", mobile, "zh");
        assertThatThrownBy(() -> codes.issue(hzxd, "portal.register", mobile, "zh"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(e.code()).isEqualTo("rate-limited");
                });
        assertThatThrownBy(() -> codes.issue(hzxd, "portal.register", "12345", "zh"))
                .isInstanceOfSatisfying(ProblemException.class, e ->
                        assertThat(e.fieldProblems()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("mobile")));
    }

    @Test
    void aNewCodeEndsTheEarlierOne() {
        String mobile = CustomerTestUtils.mobile();
        codes.issue(hzxd, "portal.reset", mobile, "zh");
        String first = delivered(mobile);
        jdbc.sql("update notification_one_time_code set created_at = created_at - interval '2 minutes' where mobile_hash = ?")
                .param(digest.ofCodes(mobile)).update();
        jdbc.sql("update notification_simulated_sms set sent_at = sent_at - interval '2 minutes' where mobile_hash = ?")
                .param(digest.ofSimulatedSms(mobile)).update();
        codes.issue(hzxd, "portal.reset", mobile, "zh");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (jdbc.sql("select count(*) from notification_simulated_sms where mobile_hash = ?")
                .param(digest.ofSimulatedSms(mobile)).query(Long.class).single() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        String second = delivered(mobile);
        assertThat(codes.verify(hzxd, "portal.reset", mobile, first)).isEqualTo(first.equals(second));
        assertThat(codes.verify(hzxd, "portal.reset", mobile, second)).isEqualTo(!first.equals(second));
    }
}
