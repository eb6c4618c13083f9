package org.xiaodai.supervision.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.servicing.InstallmentOverdue;
import org.xiaodai.servicing.InstallmentsOverdue;
import org.xiaodai.servicing.LoanDisbursed;
import org.xiaodai.servicing.LoanGradeChanged;
import org.xiaodai.servicing.LoanGradesChanged;
import org.xiaodai.servicing.LoanWrittenOff;
import org.xiaodai.servicing.Loans;
import org.xiaodai.servicing.RepaymentReceived;
import org.xiaodai.servicing.RepaymentsReceived;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Records servicing's loan events in the regulator's real-time feed ({@code supervision_loan_event}):
 * each after its business transaction committed, through the event publication registry (a crash
 * means a retry; the event's natural key makes a second delivery a no-op), in a transaction of its own
 * inside the institution's tenant wall — so the regulator sees a new loan, a repayment, a loan turning
 * overdue, a grade change or a write-off within moments of it happening.
 */
@Component
class LoanFeedRecorder {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Loans loans;
    private final Clock clock;

    LoanFeedRecorder(JdbcClient jdbc, TransactionTemplate transactions, Loans loans, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.loans = loans;
        this.clock = clock;
    }

    private record Row(UUID institutionId, UUID loanId, String kind, LocalDate businessDate, @Nullable BigDecimal amount,
                       @Nullable String fromGrade, @Nullable String toGrade, @Nullable Long daysPastDue, String sourceKey) {
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(LoanDisbursed e) {
        record(new Row(e.institutionId(), e.loanId(), "NEW_LOAN", e.disbursementDate(), e.amount(), null, null, null,
                "NEW_LOAN:" + e.loanId()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RepaymentReceived e) {
        record(new Row(e.institutionId(), e.loanId(), "REPAYMENT", e.businessDate(), e.amount(), null, null, null,
                "REPAYMENT:" + e.transactionId()));
    }

    /** End of day's withholding: the partition's repayments in one event, recorded as above in one transaction. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RepaymentsReceived batch) {
        record(batch.institutionId(), batch.repayments().stream().map(e -> new Row(e.institutionId(), e.loanId(),
                "REPAYMENT", e.businessDate(), e.amount(), null, null, null, "REPAYMENT:" + e.transactionId())).toList());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(InstallmentOverdue e) {
        record(row(e));
    }

    /** End of day's overdue marking: the partition's loans falling overdue in one event, recorded as above in one transaction. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(InstallmentsOverdue batch) {
        record(batch.institutionId(), batch.loans().stream().map(LoanFeedRecorder::row).toList());
    }

    private static Row row(InstallmentOverdue e) {
        return new Row(e.institutionId(), e.loanId(), "OVERDUE", e.asOf(), e.overduePrincipal().add(e.overdueInterest()),
                null, null, e.daysPastDue(), "OVERDUE:" + e.loanId() + ":" + e.dueDate() + ":" + e.asOf());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(LoanGradeChanged e) {
        record(row(e));
    }

    /** End of day's grade changes of a partition in one event, recorded as above in one transaction. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(LoanGradesChanged batch) {
        record(batch.institutionId(), batch.changes().stream().map(LoanFeedRecorder::row).toList());
    }

    private static Row row(LoanGradeChanged e) {
        return new Row(e.institutionId(), e.loanId(), "GRADE_CHANGE", e.changedOn(), null, e.fromGrade(), e.toGrade(),
                e.daysPastDue(), "GRADE_CHANGE:" + e.loanId() + ":" + e.changedOn() + ":" + e.toGrade() + ":" + e.reason());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(LoanWrittenOff e) {
        record(new Row(e.institutionId(), e.loanId(), "WRITE_OFF", e.businessDate(), e.principal(), null, null, null,
                "WRITE_OFF:" + e.loanId()));
    }

    private void record(Row r) {
        record(r.institutionId(), List.of(r));
    }

    private void record(UUID institutionId, List<Row> rows) {
        TenantWall.asInstitution(institutionId, () -> transactions.executeWithoutResult(tx -> rows.forEach(r -> {
            String contract = loans.summary(r.loanId()).map(Loans.LoanSummary::contractNumber).orElse(null);
            jdbc.sql("""
                    insert into supervision_loan_event (id, institution_id, loan_id, contract_number, kind, business_date, amount,
                        from_grade, to_grade, days_past_due, source_key, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (institution_id, source_key) do nothing""")
                    .params(UUID.randomUUID(), r.institutionId(), r.loanId(), contract, r.kind(), Date.valueOf(r.businessDate()),
                            r.amount(), r.fromGrade(), r.toGrade(), r.daysPastDue(), r.sourceKey(),
                            Timestamp.from(clock.instant()))
                    .update();
        })));
    }
}
