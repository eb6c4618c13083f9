package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.xiaodai.servicing.InstallmentOverdue;
import org.xiaodai.servicing.InstallmentsOverdue;
import org.xiaodai.servicing.LoanGradeChanged;
import org.xiaodai.servicing.LoanGradesChanged;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End of day's overdue marking publishes one {@link InstallmentsOverdue} and one {@link LoanGradesChanged}
 * per partition instead of an {@link InstallmentOverdue} and a {@link LoanGradeChanged} per loan, for the
 * loans it works out in closed form and for those that go through the engine (one holds credit from an
 * early payment), and every consumer still gets each loan exactly once: collections (one case opened per
 * loan), notifications (the borrower told of the overdue and of the worse grade, once per channel) and
 * supervision's feed (one overdue and one grade-change row per loan). The registry holds one publication
 * per listener and batch, none per loan; delivering the same batches again changes nothing.
 */
@IntegrationTest
class OverdueEventsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TransactionTemplate tx;
    JdbcClient superuser;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.superuser = JdbcClient.create(superuser);
    }

    @Test
    void eachLoanFallingOverdueReachesEveryConsumerExactlyOnceThroughOneEventPerPartition() {
        ServicingTestUtils util = new ServicingTestUtils(context);
        UUID inst = ServicingTestUtils.newInstitution(new Api(port), superuser);
        LocalDate d0 = LocalDate.of(2025, 3, 1);
        LocalDate due = LocalDate.of(2025, 4, 1);
        LocalDate next = due.plusDays(1);
        // news of the closed days is fresh, so the borrowers are told
        ServicingTestUtils.setBusinessDate(superuser, inst, due);
        LoanTerms terms = ServicingTestUtils.terms("6000.00", "12", 6, d0);
        List<UUID> loans = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID id = util.open(inst, terms, ServicingPolicy.standard(), false, ServicingTestUtils.payableLoanId());
            util.activate(inst, id, d0);
            loans.add(id);
        }
        // an early payment becomes credit, applied when the installment falls due: that loan goes through the engine
        util.repay(inst, loans.getFirst(), d0.plusDays(10), "100.00", "early-" + loans.getFirst());
        util.closeDays(inst, d0, due);
        awaitPublications(inst);

        for (UUID id : loans) {
            assertThat(superuser.sql("select status || ':' || grade from servicing_loan where id = ?").param(id)
                    .query(String.class).single()).as("loan %s", id).isEqualTo("OVERDUE:SPECIAL_MENTION");
        }
        // the registry: one publication per listener and partition, none per loan
        assertThat(publications(inst, InstallmentOverdue.class.getName())).isZero();
        assertThat(publications(inst, LoanGradeChanged.class.getName())).isZero();
        int batches = superuser.sql("select count(distinct eod_bucket % ?) from servicing_loan where institution_id = ?")
                .params(OverdueStep.PARTITIONS, inst).query(Integer.class).single();
        // collections, notifications and supervision's feed hear of a loan falling overdue; the last two of a grade change
        assertThat(publications(inst, InstallmentsOverdue.class.getName())).isEqualTo(3 * batches);
        assertThat(publications(inst, LoanGradesChanged.class.getName())).isEqualTo(2 * batches);

        Map<String, Integer> first = received(inst, loans, due, next);
        // the same loans delivered again (a resubmitted publication): nothing is recorded twice
        List<InstallmentOverdue> overdue = new ArrayList<>();
        List<LoanGradeChanged> grades = new ArrayList<>();
        for (UUID id : loans) {
            UUID customer = superuser.sql("select customer_id from servicing_loan where id = ?").param(id).query(UUID.class).single();
            overdue.add(new InstallmentOverdue(id, inst, customer, null, due, next, 1, new BigDecimal("1000.00"),
                    new BigDecimal("60.00")));
            grades.add(new LoanGradeChanged(id, inst, next, "NORMAL", "SPECIAL_MENTION", "DAYS_PAST_DUE", 1));
        }
        TenantWall.asInstitution(inst, () -> tx.executeWithoutResult(s -> {
            context.publishEvent(new LoanGradesChanged(inst, next, grades));
            context.publishEvent(new InstallmentsOverdue(inst, next, overdue));
        }));
        awaitPublications(inst);
        assertThat(received(inst, loans, due, next)).isEqualTo(first);
    }

    /** What each consumer holds of the loans, checking each holds every one exactly once. */
    private Map<String, Integer> received(UUID inst, List<UUID> loans, LocalDate due, LocalDate next) {
        int notices = 0;
        for (UUID id : loans) {
            assertThat(superuser.sql("select count(*) from collection_case where loan_id = ?").param(id)
                    .query(Integer.class).single()).as("collections' case of %s", id).isEqualTo(1);
            assertThat(superuser.sql("select count(*) from supervision_loan_event where institution_id = ? and source_key = ?")
                    .params(inst, "OVERDUE:" + id + ":" + due + ":" + next).query(Integer.class).single())
                    .as("supervision's overdue row of %s", id).isEqualTo(1);
            assertThat(superuser.sql("select count(*) from supervision_loan_event where institution_id = ? and source_key = ?")
                    .params(inst, "GRADE_CHANGE:" + id + ":" + next + ":SPECIAL_MENTION:DAYS_PAST_DUE")
                    .query(Integer.class).single()).as("supervision's grade-change row of %s", id).isEqualTo(1);
            assertThat(superuser.sql("select count(*) from servicing_grade_change where loan_id = ?").param(id)
                    .query(Integer.class).single()).as("the grade history of %s", id).isEqualTo(1);
            for (String key : List.of("overdue:" + id + ":" + due, "grade:" + id + ":" + next + ":SPECIAL_MENTION")) {
                int told = superuser.sql("select count(*) from notification_delivery where institution_id = ? and dedupe_key = ?")
                        .params(inst, key).query(Integer.class).single();
                assertThat(told).as("the borrower told: %s", key).isPositive();
                assertThat(superuser.sql("""
                        select count(*) = count(distinct channel) from notification_delivery where institution_id = ?
                        and dedupe_key = ?""").params(inst, key).query(Boolean.class).single()).as("once per channel").isTrue();
                notices += told;
            }
        }
        return Map.of("notices", notices,
                "feed", superuser.sql("select count(*) from supervision_loan_event where institution_id = ?").param(inst)
                        .query(Integer.class).single(),
                "cases", superuser.sql("select count(*) from collection_case where institution_id = ?").param(inst)
                        .query(Integer.class).single(),
                "audit", superuser.sql("select count(*) from audit_entry where institution_id = ? and action = 'collection.case.opened'")
                        .param(inst).query(Integer.class).single());
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
