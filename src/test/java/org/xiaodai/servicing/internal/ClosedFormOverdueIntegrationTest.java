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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.servicing.LoanState;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue step's closed form for loans falling due on the day or crossing a grade threshold
 * ({@link OverdueStep#CLOSED_FORM}, {@link OverdueStep#closedForm}) against the servicing engine on
 * random loans (every amortization, rounding, grace, compound and classification option; a third
 * falling due on the day, a third at a grade threshold of some table, a third random with payments
 * before the day; rows positioned on the day or up to two months before it): for every loan the SQL
 * takes, status, days past due, grade, oldest unpaid and next due dates, overdue principal and
 * interest, penalty charged as of the next day and the day's penalty equal the engine's to the cent;
 * closing the day then leaves every such row as the engine says.
 */
@IntegrationTest
class ClosedFormOverdueIntegrationTest {

    private static final int[] THRESHOLDS = {11, 31, 91, 181, 271, 361};

    @LocalServerPort
    int port;
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
    void loansFallingDueOrCrossingAGradeThresholdAreTheEnginesToTheCent() {
        ServicingTestUtils util = new ServicingTestUtils(context);
        UUID institution = ServicingTestUtils.newInstitution(new Api(port), superuser);
        Random random = new Random(20261203);
        LocalDate day = LocalDate.of(2025, 11, 20);
        LocalDate next = day.plusDays(1);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            LocalDate disbursed = switch (i % 3) {
                case 0 -> day.minusMonths(1 + random.nextInt(8)); // an installment falls due on the day
                case 1 -> next.minusDays(THRESHOLDS[random.nextInt(THRESHOLDS.length)]).minusMonths(1); // first due at a threshold
                default -> day.minusDays(40 + random.nextInt(420));
            };
            LoanTerms terms = ServicingTestUtils.randomTerms(random, disbursed);
            ServicingPolicy policy = ServicingTestUtils.randomPolicy(random);
            UUID id = util.open(institution, terms, policy, false, UUID.randomUUID());
            util.activate(institution, id, disbursed);
            LocalDate last = i % 3 == 1 ? disbursed
                    : util.repayRandomly(random, superuser, institution, id, disbursed, day, "closed-");
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

        Map<UUID, OverdueStep.Closed> sql = new HashMap<>();
        for (int p = 0; p < OverdueStep.PARTITIONS; p++) {
            int partition = p;
            TenantWall.asInstitution(institution, () -> tx.execute(s ->
                    step.closedForm(institution, day, step.classify(institution, day, partition, OverdueStep.PARTITIONS).closed()))).forEach(c -> sql.put(c.loan().id(), c));
        }
        int turnOverdue = 0;
        int regraded = 0;
        int positionedBefore = 0;
        Map<UUID, LoanBook.Derived> engine = new HashMap<>();
        for (OverdueStep.Closed c : sql.values()) {
            LoanRow row = c.loan();
            List<LoanBook.Derived> both = TenantWall.asInstitution(institution, () -> tx.execute(s -> book.deriveBoth(row,
                    repository.schedule(row), repository.movements(row.id()), day, next)));
            LoanBook.Derived tomorrow = both.get(1);
            String what = row.id() + " closing " + day + " (row positioned " + row.positionDate() + ", " + row.status() + ")";
            assertThat(tomorrow.status()).as("status of %s", what).isEqualTo(LoanState.OVERDUE);
            assertThat(c.daysPastDue(next)).as("days past due of %s", what).isEqualTo(tomorrow.position().daysPastDue());
            assertThat(c.grade(next)).as("grade of %s", what).isEqualTo(tomorrow.grade());
            assertThat(row.oldestUnpaidDue()).as("oldest unpaid due of %s", what).isEqualTo(tomorrow.oldestUnpaidDue());
            assertThat(c.nextDueDate()).as("next due date of %s", what).isEqualTo(tomorrow.nextDueDate());
            assertThat(c.overduePrincipal()).as("overdue principal of %s", what)
                    .isEqualByComparingTo(tomorrow.position().overduePrincipal());
            assertThat(c.overdueInterest()).as("overdue interest of %s", what)
                    .isEqualByComparingTo(tomorrow.position().overdueInterest());
            assertThat(c.penaltyCharged()).as("penalty charged of %s", what)
                    .isEqualByComparingTo(tomorrow.balances().penaltyCharged());
            assertThat(c.penaltyOfDay()).as("the day's penalty of %s", what).isEqualByComparingTo(
                    tomorrow.balances().penaltyCharged().subtract(both.get(0).balances().penaltyCharged()));
            assertThat(tomorrow.balances().principal()).isEqualByComparingTo(row.principalOutstanding());
            assertThat(tomorrow.balances().interestPaid()).isEqualByComparingTo(row.interestPaid());
            assertThat(tomorrow.balances().penaltyPaid()).isEqualByComparingTo(row.penaltyPaid());
            assertThat(tomorrow.balances().credit()).isEqualByComparingTo(row.creditBalance());
            turnOverdue += row.status() != LoanState.OVERDUE ? 1 : 0;
            regraded += row.grade() != tomorrow.grade() ? 1 : 0;
            positionedBefore += row.positionDate().isBefore(day) ? 1 : 0;
            engine.put(row.id(), tomorrow);
        }
        assertThat(sql.keySet()).as("only the test's loans").allMatch(ids::contains);
        assertThat(sql).as("enough random loans take the closed form for the test to mean something").hasSizeGreaterThan(30);
        assertThat(turnOverdue).as("closed-form loans falling overdue").isGreaterThan(8);
        assertThat(regraded).as("closed-form loans changing grade").isGreaterThan(15);
        assertThat(positionedBefore).as("closed-form loans positioned before the day").isGreaterThan(8);

        // closing the day writes each changed row as the engine says
        for (int p = 0; p < OverdueStep.PARTITIONS; p++) {
            int partition = p;
            TenantWall.asInstitution(institution, () -> tx.execute(s ->
                    step.process(institution, day, partition, OverdueStep.PARTITIONS)));
        }
        for (Map.Entry<UUID, LoanBook.Derived> e : engine.entrySet()) {
            LoanRow before = sql.get(e.getKey()).loan();
            LoanRow after = TenantWall.asInstitution(institution, () -> tx.execute(s -> repository.find(e.getKey()).orElseThrow()));
            LoanBook.Derived d = e.getValue();
            assertThat(after.grade()).as("grade written of %s", e.getKey()).isEqualTo(d.grade());
            assertThat(after.status()).isEqualTo(d.status());
            if (before.status() != d.status() || before.grade() != d.grade()) {
                assertThat(after.positionDate()).isEqualTo(next);
                assertThat(after.penaltyCharged()).as("penalty written of %s", e.getKey())
                        .isEqualByComparingTo(d.balances().penaltyCharged());
                assertThat(after.nextDueDate()).isEqualTo(d.nextDueDate());
                assertThat(after.oldestUnpaidDue()).isEqualTo(d.oldestUnpaidDue());
                assertThat(superuser.sql("select count(*) from servicing_grade_change where loan_id = ? and changed_on = ?")
                        .params(e.getKey(), next).query(Integer.class).single())
                        .isEqualTo(before.grade() != d.grade() ? 1 : 0);
            } else {
                assertThat(after.positionDate()).as("a row whose state did not change stays unwritten")
                        .isEqualTo(before.positionDate());
            }
        }
    }
}
