package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.servicing.RepaymentReceived;
import org.xiaodai.servicing.RepaymentsReceived;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End of day's withholding publishes one {@link RepaymentsReceived} per partition instead of a
 * {@link RepaymentReceived} per debit, and every consumer of a repayment still gets each one exactly
 * once: collections (the payment of a loan with an open case, the case closed), notifications (the
 * borrower told, once per channel) and supervision's feed (one row per repayment). The registry holds
 * one publication per listener and batch, none per repayment; delivering the same batch again changes
 * nothing.
 */
@IntegrationTest
class WithholdingEventsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AutoDebitMandates mandates;
    @Autowired
    TransactionTemplate tx;
    JdbcClient superuser;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.superuser = JdbcClient.create(superuser);
    }

    record Booked(UUID transactionId, UUID loanId, LocalDate date, BigDecimal amount, BigDecimal penalty,
                  BigDecimal interest, BigDecimal principal, BigDecimal toCredit) {
        RepaymentReceived event(UUID institutionId) {
            return new RepaymentReceived(transactionId, loanId, institutionId, date, amount, "WITHHOLDING", penalty,
                    interest, principal, toCredit);
        }
    }

    @Test
    void eachWithheldRepaymentReachesEveryConsumerExactlyOnceThroughOneEventPerPartition() {
        ServicingTestUtils util = new ServicingTestUtils(context);
        UUID inst = ServicingTestUtils.newInstitution(new Api(port), superuser);
        LocalDate d0 = LocalDate.of(2025, 3, 1);
        LocalDate due = LocalDate.of(2025, 4, 1);
        // news of the closed days is fresh, so the borrowers are told
        ServicingTestUtils.setBusinessDate(superuser, inst, due);
        LoanTerms terms = ServicingTestUtils.terms("6000.00", "12", 6, d0);
        List<UUID> debited = List.of(ServicingTestUtils.payableLoanId(), ServicingTestUtils.payableLoanId(),
                ServicingTestUtils.payableLoanId(), ServicingTestUtils.payableLoanId());
        for (UUID id : debited) {
            util.open(inst, terms, ServicingPolicy.standard(), true, id);
        }
        // falls overdue on its due date (no mandate yet), so collections opens a case; debited the next day
        UUID late = util.open(inst, terms, ServicingPolicy.standard(), false, ServicingTestUtils.payableLoanId());
        for (UUID id : List.of(debited.get(0), debited.get(1), debited.get(2), debited.get(3), late)) {
            util.activate(inst, id, d0);
        }
        util.closeDays(inst, d0, due);
        awaitPublications(inst);
        assertThat(superuser.sql("select count(*) from collection_case where loan_id = ? and status = 'OPEN'").param(late)
                .query(Integer.class).single()).as("the overdue loan's case").isEqualTo(1);
        TenantWall.asInstitution(inst, () -> mandates.set(late, true, "mandate-" + late, "签约代扣", null));
        util.closeDays(inst, due.plusDays(1), due.plusDays(1));
        awaitPublications(inst);

        List<Booked> booked = superuser.sql("""
                select id, loan_id, business_date, amount, penalty, interest, principal, to_credit from servicing_transaction
                where institution_id = ? and channel = 'WITHHOLDING' order by business_date, loan_id""").param(inst)
                .query((rs, n) -> new Booked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                        rs.getBigDecimal(7), rs.getBigDecimal(8))).list();
        assertThat(booked).extracting(Booked::loanId).containsExactlyInAnyOrder(
                debited.get(0), debited.get(1), debited.get(2), debited.get(3), late);

        // the registry: one publication per listener (collections, notifications, supervision) and partition, none per repayment
        assertThat(publications(inst, "org.xiaodai.servicing.RepaymentReceived")).isZero();
        int batches = superuser.sql("""
                select count(distinct (t.business_date, l.eod_bucket % ?)) from servicing_transaction t
                join servicing_loan l on l.id = t.loan_id where t.institution_id = ? and t.channel = 'WITHHOLDING'""")
                .params(OverdueStep.PARTITIONS, inst).query(Integer.class).single();
        assertThat(publications(inst, RepaymentsReceived.class.getName())).isEqualTo(3 * batches);

        Map<String, Integer> first = received(inst, booked, late);
        // the same repayments delivered again (a resubmitted publication): nothing is recorded twice
        TenantWall.asInstitution(inst, () -> tx.executeWithoutResult(s -> context.publishEvent(new RepaymentsReceived(inst,
                due, booked.stream().map(b -> b.event(inst)).toList()))));
        awaitPublications(inst);
        assertThat(received(inst, booked, late)).isEqualTo(first);
    }

    /** What each consumer holds of the repayments, checking each holds every one exactly once. */
    private Map<String, Integer> received(UUID inst, List<Booked> booked, UUID late) {
        int notices = 0;
        for (Booked b : booked) {
            assertThat(superuser.sql("select count(*) from supervision_loan_event where institution_id = ? and source_key = ?")
                    .params(inst, "REPAYMENT:" + b.transactionId()).query(Integer.class).single())
                    .as("supervision's feed row of %s", b.loanId()).isEqualTo(1);
            int told = superuser.sql("""
                    select count(*) from notification_delivery where institution_id = ? and dedupe_key = ?
                    and event = 'REPAYMENT_RECEIVED'""").params(inst, "repayment:" + b.transactionId())
                    .query(Integer.class).single();
            assertThat(told).as("the borrower of %s told", b.loanId()).isPositive();
            assertThat(superuser.sql("""
                    select count(*) = count(distinct channel) from notification_delivery where institution_id = ?
                    and dedupe_key = ?""").params(inst, "repayment:" + b.transactionId()).query(Boolean.class).single())
                    .as("once per channel").isTrue();
            notices += told;
            int payments = superuser.sql("select count(*) from collection_payment where id = ?").param(b.transactionId())
                    .query(Integer.class).single();
            assertThat(payments).as("collections' payment of %s", b.loanId()).isEqualTo(b.loanId().equals(late) ? 1 : 0);
        }
        Booked latePayment = booked.stream().filter(b -> b.loanId().equals(late)).findFirst().orElseThrow();
        assertThat(superuser.sql("select recovered from collection_case where loan_id = ?").param(late)
                .query(BigDecimal.class).single()).isEqualByComparingTo(latePayment.amount());
        assertThat(superuser.sql("select status || ':' || close_reason from collection_case where loan_id = ?").param(late)
                .query(String.class).single()).as("no longer overdue: the case closes").isEqualTo("CLOSED:REPAID");
        return Map.of("notices", notices, "feed", superuser.sql("select count(*) from supervision_loan_event where institution_id = ?"
                        + " and kind = 'REPAYMENT'").param(inst).query(Integer.class).single(),
                "payments", superuser.sql("select count(*) from collection_payment where institution_id = ?").param(inst)
                        .query(Integer.class).single());
    }

    private int publications(UUID inst, String type) {
        return superuser.sql("select count(*) from event_publication where event_type = ? and serialized_event like ?")
                .params(type, "%" + inst + "%").query(Integer.class).single();
    }

    /** Waits until every publication naming the institution completed (the listeners run after commit, asynchronously). */
    private void awaitPublications(UUID inst) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (superuser.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + inst + "%").query(Integer.class).single() > 0) {
            assertThat(System.nanoTime()).as("publications of %s still incomplete", inst).isLessThan(until);
            ServicingTestUtils.sleep(100);
        }
    }
}
