package org.xiaodai.servicing.internal;

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
import org.xiaodai.servicing.domain.Balances;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The withholding step's closed-form amount owed ({@link WithholdingStep#QUIET},
 * {@link WithholdingStep#CANDIDATES}) against the servicing engine on random auto-debit loans
 * (every amortization, rounding, grace, compound and classification option; payments before, on
 * and after due dates, partial and too large; installments falling due on the day; loan rows
 * positioned on the day or up to two months before it, as end of day leaves a quiet overdue loan's
 * row unwritten): for every loan the SQL takes, the amount it asks the bank for equals, to the
 * cent, the engine's amount owed as of the day ({@link WithholdingStep#owed}), and the balances it
 * books a debit from ({@link WithholdingStep#quietBalances}) are the engine's as of the day.
 */
@IntegrationTest
class WithholdingOwedIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WithholdingStep step;
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
    void theClosedFormAmountOwedOfQuietLoansIsTheEnginesToTheCent() {
        ServicingTestUtils util = new ServicingTestUtils(context);
        UUID institution = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        Random random = new Random(20261205);
        LocalDate day = LocalDate.of(2025, 10, 20);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // a quarter of the loans has an installment falling due on the day itself
            LocalDate disbursed = i % 4 == 0 ? day.minusMonths(1 + random.nextInt(8))
                    : day.minusDays(40 + random.nextInt(420));
            LoanTerms terms = ServicingTestUtils.randomTerms(random, disbursed);
            ServicingPolicy policy = ServicingTestUtils.randomPolicy(random);
            UUID id = util.open(institution, terms, policy, true, UUID.randomUUID());
            util.activate(institution, id, disbursed);
            LocalDate last = util.repayRandomly(random, superuser, institution, id, disbursed, day, "owed-");
            // the row as end of day left it: the engine's state as of a day between the last booking and the day
            long span = day.toEpochDay() - last.toEpochDay();
            LocalDate positioned = random.nextBoolean() ? day : day.minusDays(random.nextInt((int) Math.min(61, span + 1)));
            TenantWall.asInstitution(institution, () -> tx.executeWithoutResult(s -> {
                LoanRow row = repository.find(id).orElseThrow();
                LoanBook.Derived d = book.derive(row, positioned);
                repository.update(id, d.status(), d.balances(), d.oldestUnpaidDue(), d.nextDueDate(), d.grade().name(),
                        positioned, java.time.Instant.now());
            }));
            ids.add(id);
        }

        Map<UUID, WithholdingStep.Quiet> sql = new HashMap<>();
        for (int p = 0; p < OverdueStep.PARTITIONS; p++) {
            int partition = p;
            sql.putAll(TenantWall.asInstitution(institution, () -> tx.execute(s ->
                    step.candidates(institution, day, partition, OverdueStep.PARTITIONS))));
        }
        int quiet = 0;
        int dueToday = 0;
        int positionedBefore = 0;
        int withPenalty = 0;
        for (UUID id : ids) {
            LoanRow row = TenantWall.asInstitution(institution, () -> tx.execute(s -> repository.find(id).orElseThrow()));
            boolean candidate = row.oldestUnpaidDue() != null && !row.oldestUnpaidDue().isAfter(day);
            assertThat(sql.containsKey(id)).as("%s is a candidate", id).isEqualTo(candidate);
            WithholdingStep.Quiet closed = sql.get(id);
            if (closed == null) {
                continue;
            }
            LoanBook.Derived d = TenantWall.asInstitution(institution, () -> tx.execute(s -> book.derive(row, day)));
            assertThat(closed.owed()).as("amount owed by %s on %s (row positioned %s)", id, day, row.positionDate())
                    .isEqualByComparingTo(WithholdingStep.owed(d.position(), day));
            Balances balances = TenantWall.asInstitution(institution, () -> tx.execute(s ->
                    WithholdingStep.quietBalances(row, repository.schedule(row), closed, day)));
            assertThat(balances.principal()).isEqualByComparingTo(d.balances().principal());
            assertThat(balances.interestEarned()).isEqualByComparingTo(d.balances().interestEarned());
            assertThat(balances.interestPaid()).isEqualByComparingTo(d.balances().interestPaid());
            assertThat(balances.penaltyCharged()).as("penalty charged of %s", id)
                    .isEqualByComparingTo(d.balances().penaltyCharged());
            assertThat(balances.penaltyPaid()).isEqualByComparingTo(d.balances().penaltyPaid());
            assertThat(balances.credit()).isEqualByComparingTo(d.balances().credit());
            quiet++;
            dueToday += row.oldestUnpaidDue().equals(day) ? 1 : 0;
            positionedBefore += row.positionDate().isBefore(day) ? 1 : 0;
            withPenalty += d.position().penaltyOutstanding().signum() > 0 ? 1 : 0;
        }
        assertThat(quiet).as("enough random loans take the closed form for the test to mean something")
                .isGreaterThan(25);
        assertThat(dueToday).as("quiet loans falling due on the day").isGreaterThan(3);
        assertThat(positionedBefore).as("quiet loans positioned before the day").isGreaterThan(8);
        assertThat(withPenalty).as("quiet loans owing penalty").isGreaterThan(10);
    }
}
