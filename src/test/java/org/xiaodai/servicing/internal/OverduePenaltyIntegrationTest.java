package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue step's set-based path ({@link OverdueStep#QUIET}, {@link OverdueStep#quietPenalties})
 * against the servicing engine on random loans (every amortization, rounding, grace, compound and
 * classification option; payments before, on and after due dates, partial and too large): for every
 * loan the SQL takes, the penalty it charges for the day closed equals, to the cent, the engine's
 * penalty charged as of the next day less as of the day, and the engine moves nothing else that the
 * loan row holds (status, grade, oldest unpaid due date, principal, credit), so leaving the row
 * unwritten is right.
 */
@IntegrationTest
class OverduePenaltyIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    OverdueStep step;
    @Autowired
    LoanBook book;
    @Autowired
    LoanRepository repository;
    @Autowired
    TransactionTemplate tx;
    JdbcClient superuser;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.superuser = JdbcClient.create(superuser);
    }

    @Test
    void theSetBasedPenaltyOfQuietOverdueLoansIsTheEnginesToTheCent() {
        ServicingTestUtils util = new ServicingTestUtils(context);
        UUID institution = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        Random random = new Random(20261204);
        LocalDate day = LocalDate.of(2025, 9, 17);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            LocalDate disbursed = day.minusDays(40 + random.nextInt(420));
            LoanTerms terms = ServicingTestUtils.randomTerms(random, disbursed);
            ServicingPolicy policy = ServicingTestUtils.randomPolicy(random);
            UUID id = util.open(institution, terms, policy, false, UUID.randomUUID());
            util.activate(institution, id, disbursed);
            util.repayRandomly(random, superuser, institution, id, disbursed, day, "quiet-");
            // the row as end of day leaves it for the day: the engine's state as of the day
            TenantWall.asInstitution(institution, () -> tx.executeWithoutResult(s -> {
                LoanRow row = repository.find(id).orElseThrow();
                LoanBook.Derived d = book.derive(row, day);
                repository.update(id, d.status(), d.balances(), d.oldestUnpaidDue(), d.nextDueDate(), d.grade().name(),
                        day, java.time.Instant.now());
            }));
            ids.add(id);
        }

        Map<UUID, BigDecimal> sql = new HashMap<>();
        for (int p = 0; p < OverdueStep.PARTITIONS; p++) {
            int partition = p;
            sql.putAll(TenantWall.asInstitution(institution, () -> tx.execute(s ->
                    step.quietPenalties(institution, day, step.classify(institution, day, partition, OverdueStep.PARTITIONS).quiet()))));
        }
        List<UUID> quiet = TenantWall.asInstitution(institution, () -> tx.execute(s -> context.getBean(JdbcClient.class)
                .sql("select l.id from servicing_loan l where l.id in (:ids) and " + OverdueStep.QUIET)
                .param("ids", ids).param("day", day).param("next", day.plusDays(1)).query(UUID.class).list()));

        assertThat(quiet).as("enough random loans take the set-based path for the test to mean something")
                .hasSizeGreaterThan(15);
        assertThat(sql.keySet()).filteredOn(ids::contains).allMatch(quiet::contains);
        int charged = 0;
        for (UUID id : quiet) {
            LoanRow row = TenantWall.asInstitution(institution, () -> tx.execute(s -> repository.find(id).orElseThrow()));
            List<LoanBook.Derived> both = TenantWall.asInstitution(institution, () -> tx.execute(s -> book.deriveBoth(row,
                    repository.schedule(row), repository.movements(id), day, day.plusDays(1))));
            BigDecimal engine = both.get(1).balances().penaltyCharged().subtract(both.get(0).balances().penaltyCharged());
            assertThat(sql.getOrDefault(id, BigDecimal.ZERO)).as("penalty of %s closing %s", id, day)
                    .isEqualByComparingTo(engine);
            charged += engine.signum() > 0 ? 1 : 0;
            LoanBook.Derived next = both.get(1);
            assertThat(next.status()).isEqualTo(row.status());
            assertThat(next.grade()).isEqualTo(row.grade());
            assertThat(next.oldestUnpaidDue()).isEqualTo(row.oldestUnpaidDue());
            assertThat(next.balances().principal()).isEqualByComparingTo(row.principalOutstanding());
            assertThat(next.balances().credit()).isEqualByComparingTo(row.creditBalance());
        }
        assertThat(charged).as("loans charged a penalty that day").isGreaterThan(10);
    }
}
