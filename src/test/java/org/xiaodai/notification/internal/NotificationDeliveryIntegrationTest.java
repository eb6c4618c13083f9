package org.xiaodai.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.customer.CustomerTestUtils;
import org.xiaodai.notification.InboxMessage;
import org.xiaodai.notification.Notice;
import org.xiaodai.notification.NotificationEvent;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Notices go out through the real channels: e-mail to an in-process SMTP server (GreenMail, on the
 * port this context's mail sender uses), text messages into the simulated gateway, in-app messages
 * into the inbox; quiet hours hold back everything but one-time codes; failures are retried and
 * finally fail. The wall-clock seam: notices are queued and rounds run "as if" at chosen times.
 */
@IntegrationTest
class NotificationDeliveryIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    NotificationService notifications;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JavaMailSenderImpl mailSender;
    JdbcClient jdbc;
    Api api;
    String admin;
    UUID hzxd;
    GreenMail smtp;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.token("a-admin", Api.DEMO_PASSWORD);
        hzxd = jdbc.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        smtp = new GreenMail(new ServerSetup(mailSender.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    /** A Shanghai wall-clock time today (the date does not matter, the time of day does). */
    static Instant at(String time) {
        return LocalDate.of(2026, 12, 2).atTime(LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
    }

    UUID customer(String mobile) {
        return UUID.fromString(CustomerTestUtils.create(api, admin,
                CustomerTestUtils.individual(CustomerTestUtils.residentId(), mobile)));
    }

    <T> T inWall(Supplier<T> work) {
        return TenantWall.asInstitution(hzxd, () -> transactions.execute(tx -> work.get()));
    }

    Notice repaymentDue(UUID customer, String reference) {
        return new Notice(hzxd, customer, NotificationEvent.REPAYMENT_DUE,
                Map.of("reference", reference, "amount", "1,234.56", "dueDate", "2026-12-05", "days", "3"),
                "repayment-due:" + reference);
    }

    Map<String, Object> delivery(String reference, String channel) {
        return jdbc.sql("select * from notification_delivery where reference = ? and channel = ?")
                .params(reference, channel).query().singleRow();
    }

    static void await(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("condition within 15 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aReminderGoesOutByRealSmtpBySimulatedSmsAndToTheInboxInTheCustomersLanguage() throws Exception {
        String mobile = CustomerTestUtils.mobile();
        UUID customer = customer(mobile);
        String reference = "HT-" + UUID.randomUUID().toString().substring(0, 8);
        inWall(() -> {
            notifications.setContact(customer, "zhang.wei@example.com", "en");
            return notifications.notifyAt(repaymentDue(customer, reference), at("10:00"));
        });

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("e-mail arrived over SMTP").isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("zhang.wei@example.com");
        assertThat(mail.getSubject()).isEqualTo("Repayment due on 2026-12-05");
        assertThat(mail.getContent().toString()).contains("CNY 1,234.56", reference);
        await(() -> "SENT".equals(delivery(reference, "EMAIL").get("status"))
                && "SENT".equals(delivery(reference, "SMS").get("status")));
        Map<String, Object> email = delivery(reference, "EMAIL");
        assertThat(email.get("recipient_masked")).isEqualTo("z***@example.com");
        assertThat(email.get("attempts")).isEqualTo(1);

        Map<String, Object> sms = jdbc.sql("select * from notification_simulated_sms where delivery_id = ?")
                .param(delivery(reference, "SMS").get("id")).query().singleRow();
        assertThat(sms.get("body").toString()).isEqualTo(
                "[Xiaodai] Loan " + reference + ": CNY 1,234.56 is due on 2026-12-05 (in 3 days).");
        assertThat(sms.get("mobile_masked")).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        assertThat(jdbc.sql("select count(*) from notification_delivery where reference = ? and address is not null")
                .param(reference).query(Long.class).single()).as("no address kept").isZero();

        List<InboxMessage> inbox = inWall(() -> notifications.inbox(customer, 10));
        assertThat(inbox).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Repayment due on 2026-12-05");
            assertThat(m.readAt()).isNull();
        });
        assertThat(inWall(() -> notifications.markRead(customer, inbox.getFirst().id()))).isTrue();
        assertThat(inWall(() -> notifications.inbox(customer, 10)).getFirst().readAt()).isNotNull();
    }

    @Test
    void theSameDedupeKeyNotifiesOnce() {
        UUID customer = customer(CustomerTestUtils.mobile());
        String reference = "HT-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(inWall(() -> notifications.notifyAt(repaymentDue(customer, reference), at("10:00")))).hasSize(3);
        assertThat(inWall(() -> notifications.notifyAt(repaymentDue(customer, reference), at("10:05")))).isEmpty();
        assertThat(jdbc.sql("select count(*) from notification_delivery where reference = ?").param(reference)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void quietHoursHoldBackAReminderUntilEightButNeverAOneTimeCode() {
        UUID customer = customer(CustomerTestUtils.mobile());
        String reference = "HT-" + UUID.randomUUID().toString().substring(0, 8);
        inWall(() -> notifications.notifyAt(repaymentDue(customer, reference), at("23:10")));

        Map<String, Object> sms = delivery(reference, "SMS");
        assertThat(sms.get("status")).isEqualTo("PENDING");
        assertThat(((java.sql.Timestamp) sms.get("deferred_until")).toInstant()).isEqualTo(at("08:00").plus(Duration.ofDays(1)));
        assertThat(delivery(reference, "EMAIL").get("status")).as("no e-mail address: skipped").isEqualTo("SKIPPED");
        assertThat(delivery(reference, "IN_APP").get("status")).as("the inbox reaches no phone").isEqualTo("SENT");

        UUID held = (UUID) sms.get("id");
        assertThat(dispatcher.attempt(hzxd, held, at("23:50"))).isFalse();
        assertThat(dispatcher.attempt(hzxd, held, at("07:59").plus(Duration.ofDays(1)))).isFalse();
        assertThat(delivery(reference, "SMS").get("status")).isEqualTo("PENDING");
        assertThat(dispatcher.attempt(hzxd, held, at("08:00").plus(Duration.ofDays(1)))).isTrue();
        assertThat(delivery(reference, "SMS").get("status")).isEqualTo("SENT");

        String mobile = CustomerTestUtils.mobile();
        UUID delivery = inWall(() -> notifications.notifyMobile(hzxd, mobile, NotificationEvent.ONE_TIME_CODE,
                Map.of("code", "123456", "minutes", "5"), "zh"));
        assertThat(jdbc.sql("select bypasses_quiet_hours from notification_delivery where id = ?").param(delivery)
                .query(Boolean.class).single()).isTrue();
        dispatcher.attempt(hzxd, delivery, at("23:30"));
        assertThat(jdbc.sql("select status from notification_delivery where id = ?").param(delivery).query(String.class)
                .single()).as("a one-time code goes out at 23:30").isEqualTo("SENT");
    }

    @Test
    void anUnreachableNumberIsRetriedWithGrowingWaitsAndFinallyFailsAudited() {
        UUID customer = customer(SimulatedSmsGateway.UNREACHABLE_PREFIX + String.format("%04d",
                new java.util.Random().nextInt(10_000)));
        String reference = "HT-" + UUID.randomUUID().toString().substring(0, 8);
        inWall(() -> notifications.notifyAt(repaymentDue(customer, reference), at("10:00")));
        UUID id = (UUID) delivery(reference, "SMS").get("id");
        Instant now = at("10:00");
        dispatcher.attempt(hzxd, id, now);
        for (int attempt = 1; attempt < 5; attempt++) {
            Map<String, Object> row = delivery(reference, "SMS");
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(row.get("attempts")).isEqualTo(attempt);
            assertThat(row.get("last_error")).isEqualTo("simulated gateway: number unreachable");
            Instant next = ((java.sql.Timestamp) row.get("next_attempt_at")).toInstant();
            assertThat(Duration.between(now, next)).isEqualTo(Duration.ofSeconds(30L << (attempt - 1)));
            now = next;
            assertThat(dispatcher.attempt(hzxd, id, now.minusSeconds(1))).as("not due yet").isFalse();
            dispatcher.attempt(hzxd, id, now);
        }
        Map<String, Object> failed = delivery(reference, "SMS");
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("attempts")).isEqualTo(5);
        assertThat(failed.get("closed_at")).isNotNull();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'notification.delivery.failed' and entity_id = ?")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aNoticeMissingAValueItsTemplateNeedsIsRefused() {
        UUID customer = customer(CustomerTestUtils.mobile());
        assertThatThrownBy(() -> inWall(() -> notifications.notifyAt(new Notice(hzxd, customer, NotificationEvent.OVERDUE,
                Map.of("reference", "HT-1"), null), at("10:00")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amount");
    }

    @Autowired
    Templates templates;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void servicingsEventsReachTheBorrowerOnceEach() {
        UUID customer = customer(CustomerTestUtils.mobile());
        UUID loan = UUID.randomUUID();
        LocalDate today = jdbc.sql("select business_date from eod_business_date where institution_id = ?").param(hzxd)
                .query(LocalDate.class).single();
        var overdue = new org.xiaodai.servicing.InstallmentOverdue(loan, hzxd, customer, null, today.minusDays(12),
                today, 12, new java.math.BigDecimal("1000"), new java.math.BigDecimal("23.4"));
        var disbursed = new org.xiaodai.servicing.LoanDisbursed(loan, hzxd, customer, UUID.randomUUID(), UUID.randomUUID(),
                new java.math.BigDecimal("20000.00"), "CNY", today.minusDays(2), today.plusYears(1));
        var backDated = new org.xiaodai.servicing.RepaymentReceived(UUID.randomUUID(), loan, hzxd, today.minusDays(30),
                new java.math.BigDecimal("50.00"), "TRANSFER", java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO,
                new java.math.BigDecimal("50.00"), java.math.BigDecimal.ZERO);
        for (Object event : List.of(overdue, disbursed, overdue, backDated)) {
            TenantWall.asInstitution(hzxd, () -> transactions.executeWithoutResult(tx -> events.publishEvent(event)));
        }
        await(() -> jdbc.sql("select count(*) from notification_inbox where customer_id = ?").param(customer)
                .query(Long.class).single() == 2);
        List<String> inbox = jdbc.sql("select event || ': ' || body from notification_inbox where customer_id = ? order by event")
                .param(customer).query(String.class).list();
        assertThat(inbox).containsExactly(
                "DISBURSED: 借款" + loan.toString().substring(0, 8) + "的20,000.00元已发放至您的银行卡，还款计划请登录查看。",
                "OVERDUE: 您的借款" + loan.toString().substring(0, 8) + "已逾期12天，欠款1,023.40元。逾期将产生罚息，并可能报送征信。");
        assertThat(jdbc.sql("select count(*) from notification_delivery where customer_id = ? and channel = 'SMS'")
                .param(customer).query(Long.class).single()).as("one text message per notice, the repeat and the stale news ignored")
                .isEqualTo(2);
    }

    @Test
    void everyEventHasItsTemplatesInBothLanguagesAndEveryPlaceholderIsFilled() {
        for (NotificationEvent event : NotificationEvent.values()) {
            Map<String, String> values = new java.util.HashMap<>();
            event.requiredValues().forEach(name -> values.put(name, "V" + name));
            for (String language : List.of("zh", "en")) {
                Templates.Rendered text = templates.render(event, language, values);
                for (String part : List.of(text.subject(), text.sms(), text.body())) {
                    assertThat(part).as("%s in %s", event, language).doesNotContain("{").isNotBlank();
                }
                assertThat(text.sms()).as("%s text message in %s names every value", event, language)
                        .contains(event.requiredValues().stream().map(n -> "V" + n).toList());
            }
        }
        assertThat(templates.render(NotificationEvent.APPLICATION_DECIDED, "zh",
                Map.of("reference", "SQ-1", "decision", "APPROVED")).sms()).contains("审批已通过");
    }
}
