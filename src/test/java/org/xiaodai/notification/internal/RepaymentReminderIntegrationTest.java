package org.xiaodai.notification.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.contract.ContractAccepted;
import org.xiaodai.customer.CustomerTestUtils;
import org.xiaodai.eod.DayClosed;
import org.xiaodai.servicing.BorrowerLoans;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "repayment due in N days" reminder at day close, end to end: a borrower whose installment falls
 * due in 3 days gets it by real SMTP (GreenMail on the test mail port), by the simulated SMS gateway
 * and in the inbox, with the amount still unpaid and the due date; a borrower of the same
 * institution whose installment is due another day, and a borrower of another institution whose
 * installment is due that very day, get nothing; and every reminder of that run went to a borrower
 * with an installment due then.
 */
@IntegrationTest
class RepaymentReminderIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    LendingNotices lendingNotices;
    @Autowired
    NotificationService notifications;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    BorrowerLoans loans;
    @Autowired
    ApplicationContext context;
    JdbcClient jdbc;
    GreenMail smtp;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(mailSender.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    record Borrower(UUID institution, UUID customer, String mobile, String email, UUID loan) {
    }

    @Test
    void theReminderReachesTheBorrowerWhoseInstallmentIsDueAndNobodyElse() {
        Api api = new Api(port);
        UUID hzxd = institution("HZXD");
        UUID nbxd = institution("NBXD");
        LocalDate today = businessDate(hzxd);
        // disbursed so that the first installment falls due some days ahead of the business date
        LocalDate disbursed = today.minusMonths(1).plusDays(12);
        LocalDate due = disbursed.plusMonths(1);
        Borrower due3 = borrower(api, "a-admin", hzxd, disbursed);
        Borrower otherDay = borrower(api, "a-admin", hzxd, disbursed.plusDays(1));
        Borrower otherInstitution = borrower(api, "b-admin", nbxd, disbursed);
        BigDecimal unpaid = TenantWall.asInstitution(hzxd, () -> loans.installmentsDueOn(due)).stream()
                .filter(i -> i.loanId().equals(due3.loan())).findFirst().orElseThrow().amount();

        // the day closes three days before the due date (the reminder days are 3 and 1)
        LocalDate newBusinessDate = due.minusDays(3);
        closeDay(hzxd, newBusinessDate);

        String key = "repayment-due:" + due3.loan() + ":" + due + ":3";
        UUID sms = deliveryId(key, "SMS");
        UUID email = deliveryId(key, "EMAIL");
        deliver(hzxd, sms);
        deliver(hzxd, email);

        // e-mail over SMTP, to this borrower only
        assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("the reminder arrived over SMTP").isTrue();
        List<MimeMessage> toMine = received(due3.email());
        assertThat(toMine).as("one reminder e-mail to the borrower").hasSize(1);
        assertThat(subject(toMine.getFirst())).isEqualTo(due + "还款提醒");
        assertThat(received(otherDay.email())).as("due another day: no e-mail").isEmpty();
        assertThat(received(otherInstitution.email())).as("another institution's borrower: no e-mail").isEmpty();

        // the text message through the simulated gateway, to this borrower's number only, masked in the log
        String masked = due3.mobile().substring(0, 3) + "****" + due3.mobile().substring(7);
        List<Map<String, Object>> texts = jdbc.sql("select * from notification_simulated_sms where delivery_id = ?")
                .param(sms).query().listOfRows();
        assertThat(texts).singleElement().satisfies(t -> {
            assertThat(t.get("mobile_masked")).isEqualTo(masked);
            assertThat(t.get("body").toString()).contains(ServicingNotices.amount(unpaid), due.toString(), "3");
        });
        assertThat(jdbc.sql("select status from notification_delivery where id = ?").param(sms).query(String.class).single())
                .isEqualTo("SENT");
        assertThat(inbox(due3)).as("in-app").singleElement().asString().contains(due.toString());

        // nobody else: not the neighbour due another day, not the other institution's borrower due that day
        for (Borrower nobody : List.of(otherDay, otherInstitution)) {
            assertThat(jdbc.sql("select count(*) from notification_delivery where customer_id = ? and event = 'REPAYMENT_DUE'")
                    .param(nobody.customer()).query(Long.class).single()).as("no reminder for %s", nobody).isZero();
        }
        // and every reminder of this run went to a borrower with an installment due that day
        List<UUID> remindedLoans = jdbc.sql("""
                select distinct split_part(dedupe_key, ':', 2)::uuid from notification_delivery
                where institution_id = ? and dedupe_key like ?""").params(hzxd, "repayment-due:%:" + due + ":3")
                .query(UUID.class).list();
        assertThat(remindedLoans).contains(due3.loan()).doesNotContain(otherDay.loan(), otherInstitution.loan())
                .allSatisfy(loan -> assertThat(TenantWall.asInstitution(hzxd, () -> loans.installmentsDueOn(due)))
                        .anyMatch(i -> i.loanId().equals(loan)));

        // the neighbour is reminded when their own day comes; a redelivered DayClosed reminds once
        String marker = "repayment-due:" + otherDay.loan() + ":" + due.plusDays(1) + ":3";
        closeDay(hzxd, newBusinessDate.plusDays(1));
        deliveryId(marker, "SMS"); // and nothing but the neighbour's reminder came of it
        closeDay(hzxd, newBusinessDate);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(jdbc.sql("select count(*) from notification_delivery where dedupe_key = ?").param(key)
                    .query(Long.class).single()).as("a redelivered DayClosed reminds once").isEqualTo(3);
            ServicingTestUtils.sleep(250);
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * End of day's {@link DayClosed} handed to the module listener (asynchronous, in a transaction of its own, as
     * after a real close), without the other modules' reactions to a day that did not really close.
     */
    private void closeDay(UUID institution, LocalDate newBusinessDate) {
        lendingNotices.remind(new DayClosed(institution, newBusinessDate.minusDays(1), newBusinessDate, UUID.randomUUID()));
    }

    /** A customer with a mobile and an e-mail address, and an active 12-month loan disbursed on {@code disbursed}. */
    private Borrower borrower(Api api, String admin, UUID institution, LocalDate disbursed) {
        String mobile = CustomerTestUtils.mobile();
        UUID customer = UUID.fromString(CustomerTestUtils.create(api, api.token(admin, Api.DEMO_PASSWORD),
                CustomerTestUtils.individual(CustomerTestUtils.residentId(), mobile)));
        String email = "r" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TenantWall.asInstitution(institution, () -> transactions.executeWithoutResult(tx ->
                notifications.setContact(customer, email, "zh")));
        UUID loan = ServicingTestUtils.payableLoanId();
        TenantWall.asInstitution(institution, () -> transactions.executeWithoutResult(s -> context.publishEvent(
                new ContractAccepted(UUID.randomUUID(), "HT-" + loan.toString().substring(0, 8), loan, UUID.randomUUID(),
                        institution, null, null, customer, UUID.randomUUID(), 1,
                        ServicingTestUtils.terms("12000.00", "12", 12, disbursed), ServicingPolicy.standard(),
                        BigDecimal.ZERO, false, Instant.now()))));
        new ServicingTestUtils(context).activate(institution, loan, disbursed);
        return new Borrower(institution, customer, mobile, email, loan);
    }

    /** The delivery of the notice with this key on this channel, waiting for the listener to queue it. */
    private UUID deliveryId(String dedupeKey, String channel) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            var id = jdbc.sql("select id from notification_delivery where dedupe_key = ? and channel = ?")
                    .params(dedupeKey, channel).query(UUID.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
            ServicingTestUtils.sleep(100);
        }
        throw new AssertionError("no " + channel + " delivery " + dedupeKey);
    }

    /** Waits for the delivery to be sent; one held back by quiet hours (a test run at night) is attempted at their end. */
    private void deliver(UUID institution, UUID delivery) {
        HeldBackDeliveries.deliver(context, jdbc, institution, delivery);
    }

    private List<MimeMessage> received(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> inbox(Borrower b) {
        return jdbc.sql("select title || ' ' || body from notification_inbox where customer_id = ? and event = 'REPAYMENT_DUE'")
                .param(b.customer()).query(String.class).list();
    }

    private LocalDate businessDate(UUID institution) {
        return jdbc.sql("select business_date from eod_business_date where institution_id = ?").param(institution)
                .query(LocalDate.class).single();
    }

    private UUID institution(String code) {
        return jdbc.sql("select id from iam_organisation where code = ?").param(code).query(UUID.class).single();
    }
}
