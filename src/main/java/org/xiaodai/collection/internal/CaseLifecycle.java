package org.xiaodai.collection.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.collection.domain.Bucket;
import org.xiaodai.collection.domain.PromiseRules;
import org.xiaodai.eod.DayClosed;
import org.xiaodai.iam.UserDirectory;
import org.xiaodai.servicing.InstallmentOverdue;
import org.xiaodai.servicing.InstallmentsOverdue;
import org.xiaodai.servicing.LoanPaidOff;
import org.xiaodai.servicing.LoanRestructured;
import org.xiaodai.servicing.LoanWrittenOff;
import org.xiaodai.servicing.Loans;
import org.xiaodai.servicing.RepaymentReceived;
import org.xiaodai.servicing.RepaymentsReceived;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Cases follow the loans (催收案件生命周期), reacting to servicing's and end of day's events, each
 * after the publisher committed, in its own transaction inside the institution's tenant wall:
 * a loan falling past due opens a case (once); every closed day moves the days past due and the
 * bucket on, refreshes what is overdue from servicing, and marks promises whose date passed unpaid
 * as broken; a repayment counts as recovered, pays into open promises and closes the case once the
 * loan is no longer overdue; payoff, write-off and restructuring close it.
 */
@Service
class CaseLifecycle {

    private final JdbcClient jdbc;
    private final LoanReader loans;
    private final AuditTrail audit;
    private final Clock clock;
    private final UserDirectory users;
    private final org.xiaodai.shared.time.BusinessDate businessDate;

    CaseLifecycle(JdbcClient jdbc, LoanReader loans, AuditTrail audit, Clock clock, UserDirectory users,
                  org.xiaodai.shared.time.BusinessDate businessDate) {
        this.users = users;
        this.businessDate = businessDate;
        this.jdbc = jdbc;
        this.loans = loans;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void overdue(InstallmentOverdue event) {
        TenantWall.asInstitution(event.institutionId(), () -> open(event));
    }

    /**
     * End of day's overdue marking: the partition's loans falling overdue in one event, each handled as
     * above in one transaction; the loans with an open case already (one statement finds them) are skipped.
     */
    @ApplicationModuleListener
    void overdue(InstallmentsOverdue batch) {
        if (batch.loans().isEmpty()) {
            return;
        }
        TenantWall.asInstitution(batch.institutionId(), () -> {
            Set<UUID> withCase = new HashSet<>(jdbc.sql("select loan_id from collection_case where status = 'OPEN' and loan_id in (:loans)")
                    .param("loans", batch.loans().stream().map(InstallmentOverdue::loanId).distinct().toList())
                    .query(UUID.class).list());
            batch.loans().stream().filter(o -> !withCase.contains(o.loanId())).forEach(this::open);
        });
    }

    /** Opens the loan's case unless one is open; @return the open case's id. */
    UUID open(InstallmentOverdue event) {
        Optional<UUID> existing = jdbc.sql("select id from collection_case where loan_id = ? and status = 'OPEN'")
                .param(event.loanId()).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<Loans.LoanSummary> loan = loans.summary(event.loanId());
        String branchPath = loan.map(Loans.LoanSummary::branchId).flatMap(users::branchPath).orElse(null);
        UUID id = UUID.randomUUID();
        BigDecimal overdue = event.overduePrincipal().add(event.overdueInterest()).setScale(2, RoundingMode.HALF_EVEN);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into collection_case (id, institution_id, loan_id, customer_id, contract_number, branch_id, officer_id,
                    branch_path, status, opened_on, as_of, due_since, days_past_due, bucket, amount_overdue, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (institution_id, loan_id) where status = 'OPEN' do nothing""")
                .params(id, event.institutionId(), event.loanId(), event.customerId(),
                        loan.map(Loans.LoanSummary::contractNumber).orElse(null), loan.map(Loans.LoanSummary::branchId).orElse(null),
                        event.officerId(), branchPath, event.asOf(), event.asOf(), event.dueDate(), event.daysPastDue(),
                        Bucket.of(event.daysPastDue()).name(), overdue, now, now)
                .update();
        audit.record(AuditRecord.created("collection.case.opened", "collection-case", id, event.institutionId(),
                Map.of("loanId", event.loanId().toString(), "daysPastDue", event.daysPastDue(),
                        "bucket", Bucket.of(event.daysPastDue()).label(), "amountOverdue", overdue.toPlainString())));
        return id;
    }

    @ApplicationModuleListener
    void dayClosed(DayClosed event) {
        TenantWall.asInstitution(event.institutionId(), () -> advance(event.institutionId(), event.newBusinessDate()));
    }

    /** The institution's open cases as of {@code today}: days past due, bucket, overdue amount, promises. */
    void advance(UUID institutionId, LocalDate today) {
        record Open(UUID id, UUID loanId, LocalDate dueSince) {
        }
        List<Open> open = jdbc.sql("select id, loan_id, due_since from collection_case where status = 'OPEN' and as_of < ?")
                .param(today).query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class))).list();
        for (Open c : open) {
            Optional<LoanPosition> position = loans.position(c.loanId(), today);
            long dpd = position.map(LoanPosition::daysPastDue).orElse(ChronoUnit.DAYS.between(c.dueSince(), today));
            jdbc.sql("""
                    update collection_case set as_of = ?, days_past_due = ?, bucket = ?,
                        amount_overdue = coalesce(?, amount_overdue), updated_at = ? where id = ?""")
                    .params(today, dpd, Bucket.of(dpd).name(), position.map(p -> p.overduePrincipal().add(p.overdueInterest())
                                    .add(p.penaltyOutstanding())).orElse(null),
                            Timestamp.from(clock.instant()), c.id())
                    .update();
        }
        breakPromises(institutionId, today);
    }

    private void breakPromises(UUID institutionId, LocalDate today) {
        record Due(UUID id, UUID caseId, BigDecimal amount, BigDecimal paid, LocalDate date) {
        }
        List<Due> due = jdbc.sql("select id, case_id, amount, paid, promised_date from collection_promise where status = 'OPEN' and promised_date < ?")
                .param(today).query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getObject(5, LocalDate.class))).list();
        for (Due p : due) {
            if (PromiseRules.status(p.amount(), p.paid(), p.date(), today) == PromiseRules.Status.BROKEN) {
                jdbc.sql("update collection_promise set status = 'BROKEN', resolved_on = ? where id = ? and status = 'OPEN'")
                        .params(today, p.id()).update();
                audit.record(AuditRecord.changed("collection.promise.broken", "collection-promise", p.id(), institutionId,
                        Map.of("status", "OPEN"), Map.of("status", "BROKEN", "caseId", p.caseId().toString(),
                                "promisedDate", p.date().toString(), "paid", p.paid().toPlainString())));
            }
        }
    }

    @ApplicationModuleListener
    void repaid(RepaymentReceived event) {
        TenantWall.asInstitution(event.institutionId(), () -> recordPayment(event));
    }

    /**
     * End of day's withholding: the partition's repayments in one event, handled one by one as above in
     * one transaction; only the loans with an open case (one statement finds them) are looked at.
     */
    @ApplicationModuleListener
    void repaid(RepaymentsReceived batch) {
        if (batch.repayments().isEmpty()) {
            return;
        }
        TenantWall.asInstitution(batch.institutionId(), () -> {
            Set<UUID> withCase = new HashSet<>(jdbc.sql("select loan_id from collection_case where status = 'OPEN' and loan_id in (:loans)")
                    .param("loans", batch.repayments().stream().map(RepaymentReceived::loanId).distinct().toList())
                    .query(UUID.class).list());
            batch.repayments().stream().filter(r -> withCase.contains(r.loanId())).forEach(this::recordPayment);
        });
    }

    void recordPayment(RepaymentReceived event) {
        record Case(UUID id, String bucket) {
        }
        Optional<Case> open = jdbc.sql("select id, bucket from collection_case where loan_id = ? and status = 'OPEN'")
                .param(event.loanId()).query((rs, n) -> new Case(rs.getObject(1, UUID.class), rs.getString(2))).optional();
        if (open.isEmpty()) {
            return;
        }
        UUID caseId = open.get().id();
        int inserted = jdbc.sql("""
                insert into collection_payment (id, institution_id, case_id, loan_id, amount, bucket, business_date, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(event.transactionId(), event.institutionId(), caseId, event.loanId(), event.amount(),
                        open.get().bucket(), event.businessDate(), Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            return; // the same repayment delivered again
        }
        jdbc.sql("update collection_case set recovered = recovered + ?, updated_at = ? where id = ?")
                .params(event.amount(), Timestamp.from(clock.instant()), caseId).update();
        payIntoPromises(event.institutionId(), caseId, event.amount(), event.businessDate());
        // as of today, not of the repayment's date: a repayment handled late (the demo's back-dated
        // history, a redelivery) must not close the case of a loan that is overdue again since
        LocalDate today = businessDate.of(event.institutionId());
        boolean stillOverdue = loans.position(event.loanId(), today.isAfter(event.businessDate()) ? today
                : event.businessDate()).map(p -> p.daysPastDue() > 0).orElse(true);
        if (!stillOverdue) {
            close(event.institutionId(), caseId, "REPAID", event.businessDate());
        }
    }

    /** Spreads a payment over the open promises, oldest first; a promise fully paid is kept. */
    private void payIntoPromises(UUID institutionId, UUID caseId, BigDecimal amount, LocalDate today) {
        BigDecimal left = amount;
        List<Map<String, Object>> promises = jdbc.sql("""
                select id, amount, paid, promised_date from collection_promise where case_id = ? and status = 'OPEN'
                order by promised_date, created_at""").param(caseId).query().listOfRows();
        for (Map<String, Object> p : promises) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal owed = ((BigDecimal) p.get("amount")).subtract((BigDecimal) p.get("paid"));
            BigDecimal pay = left.min(owed);
            left = left.subtract(pay);
            BigDecimal paid = ((BigDecimal) p.get("paid")).add(pay);
            PromiseRules.Status status = PromiseRules.status((BigDecimal) p.get("amount"), paid,
                    ((java.sql.Date) p.get("promised_date")).toLocalDate(), today);
            jdbc.sql("update collection_promise set paid = ?, status = ?, resolved_on = ? where id = ?")
                    .params(paid, status.name(), status == PromiseRules.Status.OPEN ? null : today, p.get("id")).update();
            if (status == PromiseRules.Status.KEPT) {
                audit.record(AuditRecord.changed("collection.promise.kept", "collection-promise", p.get("id"), institutionId,
                        Map.of("status", "OPEN"), Map.of("status", "KEPT", "caseId", caseId.toString())));
            }
        }
    }

    @ApplicationModuleListener
    void paidOff(LoanPaidOff event) {
        TenantWall.asInstitution(event.institutionId(), () -> closeLoan(event.institutionId(), event.loanId(), "PAID_OFF",
                event.paidOffOn()));
    }

    /**
     * Restructuring or extension folds everything overdue into a new schedule (nothing is past due
     * after it), so the loan's open case closes as {@code RESTRUCTURED}, dated with the restructuring;
     * should the loan fall overdue again, {@code InstallmentOverdue} opens a new case.
     */
    @ApplicationModuleListener
    void restructured(LoanRestructured event) {
        TenantWall.asInstitution(event.institutionId(), () -> closeLoan(event.institutionId(), event.loanId(), "RESTRUCTURED",
                event.businessDate()));
    }

    @ApplicationModuleListener
    void writtenOff(LoanWrittenOff event) {
        TenantWall.asInstitution(event.institutionId(), () -> closeLoan(event.institutionId(), event.loanId(), "WRITTEN_OFF",
                event.businessDate()));
    }

    private void closeLoan(UUID institutionId, UUID loanId, String reason, LocalDate on) {
        jdbc.sql("select id from collection_case where loan_id = ? and status = 'OPEN'").param(loanId).query(UUID.class)
                .optional().ifPresent(id -> close(institutionId, id, reason, on));
    }

    private void close(UUID institutionId, UUID caseId, String reason, LocalDate on) {
        jdbc.sql("""
                update collection_case set status = 'CLOSED', close_reason = ?, closed_on = ?, updated_at = ?
                where id = ? and status = 'OPEN'""")
                .params(reason, on, Timestamp.from(clock.instant()), caseId).update();
        audit.record(AuditRecord.changed("collection.case.closed", "collection-case", caseId, institutionId,
                Map.of("status", "OPEN"), Map.of("status", "CLOSED", "reason", reason, "closedOn", on.toString())));
    }
}
