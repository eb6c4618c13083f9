package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.demo.DemoSeeding;
import org.xiaodai.calc.InstallmentPosition;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Repayment;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.contract.ContractAccepted;
import org.xiaodai.servicing.AccountRole;
import org.xiaodai.servicing.LedgerPosting;
import org.xiaodai.servicing.domain.Balances;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.time.BusinessDate;

/**
 * The demo portfolio: in each demo institution (HZXD, NBXD) 120 loans to its demo customers in
 * every state — current, overdue in each bucket (1–30, 31–90, 91–180, 181–360, over 360 days),
 * paid off, written off (one with a recovery) and extended — each opened from an accepted contract,
 * disbursed on a past date and repaid on past dates through the real engine and vouchers. What the
 * days in between would have posted (accrual, penalties, credit applied) is posted once as an
 * opening voucher per institution, so the ledger reconciles on the first day. Built in the
 * background after start (the start stays short); deterministic (seeded per institution).
 */
@Component
@ConditionalOnExpression("${xiaodai.demo:true} and '${spring.datasource.url:}'.isEmpty() and '${xiaodai.ops.command:}'.isEmpty()")
class DemoLoans {

    private static final Logger log = LoggerFactory.getLogger(DemoLoans.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Disbursements disbursements;
    private final Repayments repayments;
    private final LoanWorkouts workouts;
    private final LoanRepository loans;
    private final LoanBook book;
    private final BusinessDate businessDate;
    private final Clock clock;
    private final DemoSeeding seeding;

    DemoLoans(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events, Disbursements disbursements,
              Repayments repayments, LoanWorkouts workouts, LoanRepository loans, LoanBook book,
              BusinessDate businessDate, Clock clock, DemoSeeding seeding) {
        this.seeding = seeding;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.disbursements = disbursements;
        this.repayments = repayments;
        this.workouts = workouts;
        this.loans = loans;
        this.book = book;
        this.businessDate = businessDate;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        seeding.start("demo-loans", () -> {
            for (String code : List.of("HZXD", "NBXD")) {
                try {
                    seed(code);
                } catch (RuntimeException e) {
                    log.warn("Demo loans for {} not created: {}", code, e.toString());
                }
            }
        });
    }

    /** One planned loan: terms, how it was repaid, and what happens to it today. */
    private record Plan(String kind, LoanTerms terms, int installmentsPaid, int lateDays, boolean overpay) {
    }

    private void seed(String code) {
        UUID institution = TenantWall.regionWide(() -> tx.execute(s -> jdbc.sql(
                "select id from iam_organisation where code = ?").param(code).query(UUID.class).optional().orElse(null)));
        if (institution == null) {
            return;
        }
        List<UUID> customers = awaitCustomers(institution);
        if (customers.isEmpty() || TenantWall.asInstitution(institution, () -> tx.execute(s -> jdbc.sql(
                "select count(*) from servicing_loan").query(Integer.class).single())) > 0) {
            return;
        }
        LocalDate today = businessDate.of(institution);
        Random random = new Random(code.hashCode());
        Officer officer = TenantWall.asInstitution(institution, () -> tx.execute(s -> jdbc.sql("""
                select u.id, u.branch_id from iam_user u where u.institution_id = ? and u.username like '%-officer'
                order by u.username limit 1""").param(institution).query((rs, i) -> new Officer(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class))).optional().orElse(new Officer(null, null))));
        UUID product = TenantWall.asInstitution(institution, () -> tx.execute(s -> jdbc.sql(
                "select id from product order by code limit 1").query(UUID.class).optional().orElse(UUID.randomUUID())));
        List<Plan> plans = plans(today, random);
        Map<AccountRole, BigDecimal> opening = new EnumMap<>(AccountRole.class);
        List<UUID> writeOffs = new ArrayList<>();
        List<UUID> extensions = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            UUID loanId = UUID.nameUUIDFromBytes((code + ":demo-loan:" + i).getBytes(StandardCharsets.UTF_8));
            UUID customer = customers.get(i % customers.size());
            TenantWall.asInstitution(institution, () -> tx.executeWithoutResult(s ->
                    book(institution, loanId, customer, product, officer, plan, today, opening)));
            if (plan.kind().equals("WRITE_OFF")) {
                writeOffs.add(loanId);
            } else if (plan.kind().equals("EXTENSION")) {
                extensions.add(loanId);
            }
        }
        TenantWall.asInstitution(institution, () -> tx.executeWithoutResult(s -> postOpening(institution, today, opening)));
        for (int i = 0; i < writeOffs.size(); i++) {
            UUID id = writeOffs.get(i);
            boolean recovered = i == 0;
            TenantWall.asInstitution(institution, () -> tx.executeWithoutResult(s -> {
                workouts.writeOff(id, "示例：借款人失联，催收无果", null);
                if (recovered) {
                    repayments.repayOn(id, today, new BigDecimal("500.00"), "demo-recovery", "TRANSFER", null);
                }
            }));
        }
        for (UUID id : extensions) {
            TenantWall.asInstitution(institution, () -> tx.executeWithoutResult(s ->
                    workouts.restructure(id, "EXTENSION", 12, null, "示例：经营困难，申请展期", null)));
        }
        log.info("Demo loans created for {}: {}", code, plans.size());
    }

    private record Officer(UUID id, UUID branchId) {
    }

    private List<UUID> awaitCustomers(UUID institution) {
        Instant until = clock.instant().plus(Duration.ofSeconds(120));
        while (clock.instant().isBefore(until)) {
            List<UUID> ids = TenantWall.asInstitution(institution, () -> tx.execute(s -> jdbc.sql(
                    "select id from customer order by created_at, id limit 120").query(UUID.class).list()));
            if (ids.size() >= 100) {
                return ids;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    private static List<Plan> plans(LocalDate today, Random random) {
        List<Plan> plans = new ArrayList<>();
        String[] principals = {"5000.00", "8000.00", "10000.00", "20000.00", "30000.00", "50000.00"};
        String[] rates = {"9.6", "12", "14.4", "18", "21.6"};
        for (int i = 0; i < 120; i++) {
            String kind;
            int months;
            int ageDays;
            int paid;
            int late = 0;
            boolean overpay = false;
            if (i < 48) {
                kind = "CURRENT";
                months = 12;
                ageDays = 20 + random.nextInt(300);
                paid = -1;
                late = i % 4 == 0 ? 3 + random.nextInt(10) : 0;
                overpay = i % 7 == 0;
            } else if (i < 88) {
                kind = "OVERDUE";
                int bucket = (i - 48) / 8;
                int[] dpd = {10, 55, 130, 250, 420};
                months = 24;
                int dpdWanted = dpd[bucket] + random.nextInt(15);
                ageDays = 30 * 6 + dpdWanted;
                paid = 5;
            } else if (i < 104) {
                kind = "PAID_OFF";
                months = 6;
                ageDays = 200 + random.nextInt(150);
                paid = 6;
            } else if (i < 112) {
                kind = "WRITE_OFF";
                months = 12;
                ageDays = 30 * 3 + 400 + random.nextInt(60);
                paid = 3;
            } else {
                kind = "EXTENSION";
                months = 12;
                ageDays = 30 * 4 + 40 + random.nextInt(20);
                paid = 4;
            }
            LocalDate disbursed = today.minusDays(ageDays);
            LoanTerms terms = LoanTerms.builder().principal(principals[random.nextInt(principals.length)])
                    .annualInterestRatePercent(rates[random.nextInt(rates.length)]).numberOfRepayments(months)
                    .disbursementDate(disbursed).firstRepaymentDate(disbursed.plusMonths(1)).build();
            plans.add(new Plan(kind, terms, paid, late, overpay));
        }
        return plans;
    }

    /** Opens, disburses and repays one loan on its past dates; adds what the skipped days would have posted to {@code opening}. */
    private void book(UUID institution, UUID loanId, UUID customer, UUID product, Officer officer, Plan plan,
                      LocalDate today, Map<AccountRole, BigDecimal> opening) {
        events.publishEvent(new ContractAccepted(UUID.nameUUIDFromBytes(("contract:" + loanId).getBytes(StandardCharsets.UTF_8)),
                "HT-DEMO-" + loanId.toString().substring(0, 8).toUpperCase(), loanId, null, institution, officer.branchId(),
                officer.id(), customer, product, 1, plan.terms(), ServicingPolicy.standard(), BigDecimal.ZERO,
                plan.kind().equals("CURRENT") && plan.lateDays() == 0, clock.instant()));
        LocalDate d0 = plan.terms().disbursementDate();
        disbursements.activate(loans.lock(loanId).orElseThrow(), UUID.nameUUIDFromBytes(("disb:" + loanId)
                .getBytes(StandardCharsets.UTF_8)), d0);
        LoanRow loan = loans.find(loanId).orElseThrow();
        var schedule = loans.schedule(loan);
        Balances posted = book.derive(loan, schedule, new LoanRepository.Movements(List.of(), List.of(), List.of()), d0)
                .balances();
        List<Repayment> paid = new ArrayList<>();
        int n = 0;
        for (var row : schedule.installments()) {
            n++;
            if (plan.installmentsPaid() >= 0 && n > plan.installmentsPaid()) {
                break;
            }
            LocalDate on = row.dueDate().plusDays(plan.lateDays());
            if (!on.isBefore(today)) {
                break;
            }
            BigDecimal amount = row.total();
            LoanRow current = loans.find(loanId).orElseThrow();
            if (plan.lateDays() > 0) {
                LoanPosition p = book.derive(current, schedule, new LoanRepository.Movements(paid, List.of(), List.of()), on)
                        .position();
                amount = p.installments().stream().filter(i -> !i.dueDate().isAfter(on))
                        .map(i -> i.unpaidPrincipal().add(i.unpaidInterest())).reduce(p.penaltyOutstanding(), BigDecimal::add);
            }
            if (plan.overpay() && n == 1) {
                amount = amount.add(new BigDecimal("300.00"));
            }
            Balances before = book.derive(current, schedule, new LoanRepository.Movements(paid, List.of(), List.of()), on)
                    .balances();
            repayments.repayOn(loanId, on, amount, "demo-" + n, "TRANSFER", null);
            paid.add(new Repayment(on, amount));
            Balances after = book.derive(current, schedule, new LoanRepository.Movements(paid, List.of(), List.of()), on)
                    .balances();
            posted = plus(posted, before, after);
        }
        LoanRow current = loans.find(loanId).orElseThrow();
        LoanBook.Derived now = book.derive(current, schedule, new LoanRepository.Movements(paid, List.of(), List.of()), today);
        for (LedgerPosting.Line line : posted.linesTo(now.balances(), BigDecimal.ZERO)) {
            opening.merge(line.role(), line.debit() ? line.amount() : line.amount().negate(), BigDecimal::add);
        }
        book.write(current, now, today, "DAYS_PAST_DUE", null);
    }

    /** {@code posted} moved by what one booking posted ({@code after − before}). */
    private static Balances plus(Balances posted, Balances before, Balances after) {
        return new Balances(posted.principal().add(after.principal()).subtract(before.principal()),
                posted.interestEarned().add(after.interestEarned()).subtract(before.interestEarned()),
                posted.interestPaid().add(after.interestPaid()).subtract(before.interestPaid()),
                posted.penaltyCharged().add(after.penaltyCharged()).subtract(before.penaltyCharged()),
                posted.penaltyPaid().add(after.penaltyPaid()).subtract(before.penaltyPaid()),
                posted.credit().add(after.credit()).subtract(before.credit()));
    }

    private void postOpening(UUID institution, LocalDate today, Map<AccountRole, BigDecimal> opening) {
        List<LedgerPosting.Line> lines = new ArrayList<>();
        opening.forEach((role, amount) -> {
            if (amount.signum() != 0) {
                lines.add(new LedgerPosting.Line(role, amount.signum() > 0, amount.abs()));
            }
        });
        if (!lines.isEmpty()) {
            events.publishEvent(new LedgerPosting(UUID.nameUUIDFromBytes(("servicing.demo-opening:" + institution)
                    .getBytes(StandardCharsets.UTF_8)), institution, today.minusDays(1), "ACCRUAL", null, null, lines));
        }
    }

    static List<InstallmentPosition> none() {
        return List.of();
    }
}
