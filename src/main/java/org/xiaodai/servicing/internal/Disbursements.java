package org.xiaodai.servicing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.calc.LoanCalculator;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Schedule;
import org.xiaodai.servicing.LoanDisbursed;
import org.xiaodai.servicing.LoanState;
import org.xiaodai.servicing.domain.Balances;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.time.BusinessDate;

/**
 * Disbursement (放款): the whole principal, never net of anything, through the payment channel.
 * A request stores an order and sends it after commit; the bank's asynchronous answer completes it
 * ({@link DisbursementResults}): success activates the loan on the institution's business date of
 * that moment, a failure is retried with the same order id up to {@code xiaodai.servicing.disbursement-attempts}
 * times, then the order fails and the loan waits for a new request.
 */
@Service
public class Disbursements implements DisbursementResults {

    private final JdbcClient jdbc;
    private final LoanRepository loans;
    private final LoanBook book;
    private final PaymentChannel channel;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int maxAttempts;
    private final LoanCalculator calculator = new LoanCalculator();

    Disbursements(JdbcClient jdbc, LoanRepository loans, LoanBook book, PaymentChannel channel,
                  BusinessDate businessDate, AuditTrail audit, ApplicationEventPublisher events,
                  TransactionTemplate transactions, Clock clock,
                  @Value("${xiaodai.servicing.disbursement-attempts:3}") int maxAttempts) {
        this.jdbc = jdbc;
        this.loans = loans;
        this.book = book;
        this.channel = channel;
        this.businessDate = businessDate;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    public record DisbursementView(UUID id, UUID loanId, String status, String amount, int attempts,
                                   @org.jspecify.annotations.Nullable String bankReference,
                                   @org.jspecify.annotations.Nullable String failureReason, String idempotencyKey) {
    }

    @Transactional
    public DisbursementView request(UUID loanId, String idempotencyKey, UUID actor) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw ProblemException.invalid("idempotencyKey", idempotencyKey == null || idempotencyKey.isBlank()
                    ? "required" : "maxLength", 100);
        }
        LoanRow loan = loans.lock(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        Optional<DisbursementView> same = byKey(loan.institutionId(), idempotencyKey);
        if (same.isPresent()) {
            if (!same.get().loanId().equals(loanId)) {
                throw ProblemException.conflict("idempotency-key-reused");
            }
            return same.get();
        }
        if (loan.status() != LoanState.PENDING_DISBURSEMENT) {
            throw ProblemException.conflict("loan-not-pending-disbursement", loan.status().name());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into servicing_disbursement (id, institution_id, loan_id, idempotency_key, amount, status,
                    attempts, requested_at, requested_by) values (?, ?, ?, ?, ?, 'PENDING', 1, ?, ?)
                """).params(id, loan.institutionId(), loanId, idempotencyKey, loan.principal(),
                Timestamp.from(clock.instant()), actor).update();
        jdbc.sql("update servicing_loan set status = 'DISBURSING', updated_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), loanId).update();
        audit.record(AuditRecord.created("servicing.disbursement.requested", "loan", loanId, loan.institutionId(),
                Map.of("disbursementId", id, "amount", loan.principal())));
        PaymentChannel.PaymentOrder order = new PaymentChannel.PaymentOrder(id, loan.institutionId(), loanId,
                loan.principal(), 1);
        afterCommit(() -> channel.pay(order));
        return byKey(loan.institutionId(), idempotencyKey).orElseThrow();
    }

    public Optional<DisbursementView> latest(UUID loanId) {
        return jdbc.sql("select * from servicing_disbursement where loan_id = ? order by requested_at desc limit 1")
                .param(loanId).query(Disbursements::view).optional();
    }

    private Optional<DisbursementView> byKey(UUID institutionId, String key) {
        return jdbc.sql("select * from servicing_disbursement where institution_id = ? and idempotency_key = ?")
                .params(institutionId, key).query(Disbursements::view).optional();
    }

    private static DisbursementView view(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new DisbursementView(rs.getObject("id", UUID.class), rs.getObject("loan_id", UUID.class),
                rs.getString("status"), rs.getBigDecimal("amount").toPlainString(), rs.getInt("attempts"),
                rs.getString("bank_reference"), rs.getString("failure_reason"), rs.getString("idempotency_key"));
    }

    /** The bank's answer; a second answer for a completed order changes nothing. */
    @Override
    public void completed(UUID institutionId, UUID orderId, boolean succeeded, String reference, String failureReason) {
        TenantWall.asInstitution(institutionId, () -> transactions.executeWithoutResult(tx -> {
            var row = jdbc.sql("select loan_id, status, attempts, amount from servicing_disbursement where id = ? for update")
                    .param(orderId).query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getInt(3), rs.getBigDecimal(4)}).optional();
            if (row.isEmpty() || !"PENDING".equals(row.get()[1])) {
                return;
            }
            UUID loanId = (UUID) row.get()[0];
            int attempts = (Integer) row.get()[2];
            if (succeeded) {
                jdbc.sql("update servicing_disbursement set status = 'SUCCEEDED', bank_reference = ?, completed_at = ? where id = ?")
                        .params(reference, Timestamp.from(clock.instant()), orderId).update();
                activate(loans.lock(loanId).orElseThrow(), orderId, businessDate.of(institutionId));
            } else if (attempts < maxAttempts) {
                jdbc.sql("update servicing_disbursement set attempts = attempts + 1, failure_reason = ? where id = ?")
                        .params(failureReason, orderId).update();
                PaymentChannel.PaymentOrder retry = new PaymentChannel.PaymentOrder(orderId, institutionId, loanId,
                        (java.math.BigDecimal) row.get()[3], attempts + 1);
                afterCommit(() -> channel.pay(retry));
            } else {
                jdbc.sql("update servicing_disbursement set status = 'FAILED', failure_reason = ?, completed_at = ? where id = ?")
                        .params(failureReason, Timestamp.from(clock.instant()), orderId).update();
                jdbc.sql("update servicing_loan set status = 'PENDING_DISBURSEMENT', updated_at = ? where id = ? and status = 'DISBURSING'")
                        .params(Timestamp.from(clock.instant()), loanId).update();
                audit.record(AuditRecord.changed("servicing.disbursement.failed", "loan", loanId, institutionId,
                        Map.of("disbursementId", orderId), Map.of("reason", String.valueOf(failureReason))));
            }
        }));
    }

    /** Activates the loan on {@code date}: the schedule re-dated to it, the principal booked out of the bank. */
    void activate(LoanRow loan, UUID disbursementId, LocalDate date) {
        LoanTerms terms = redated(loan.terms(), date);
        Schedule schedule = calculator.schedule(terms).value();
        int version = loan.scheduleVersion();
        if (!terms.equals(loan.terms())) {
            version++;
            loans.insertSchedule(loan.id(), loan.institutionId(), version, "DISBURSEMENT", date, terms,
                    schedule.installments(), clock.instant());
        }
        LocalDate maturity = schedule.installments().getLast().dueDate();
        jdbc.sql("""
                update servicing_loan set terms = cast(? as jsonb), schedule_version = ?, disbursement_date = ?,
                    maturity_date = ?, status = 'ACTIVE', updated_at = ? where id = ?
                """).params(TermsJson.terms(terms), version, date, maturity, Timestamp.from(clock.instant()), loan.id())
                .update();
        loans.insert(new LoanRepository.NewTransaction(disbursementId, loan.institutionId(), loan.id(), "DISBURSEMENT",
                date, loan.principal(), "BANK", null, null, null, null, null, null, null, null), clock.instant());
        LoanRow active = loans.find(loan.id()).orElseThrow();
        LoanBook.Derived derived = book.derive(active, schedule, new LoanRepository.Movements(
                java.util.List.of(), java.util.List.of(), java.util.List.of()), date);
        book.apply(new LoanBook.Change(active, Balances.ZERO, derived, loan.principal().negate(), "DISBURSEMENT",
                disbursementId, date, "DAYS_PAST_DUE", null, null));
        audit.record(AuditRecord.changed("servicing.loan.disbursed", "loan", loan.id(), loan.institutionId(),
                Map.of("status", loan.status().name()), Map.of("status", "ACTIVE", "disbursementDate", date.toString(),
                        "amount", loan.principal())));
        events.publishEvent(new LoanDisbursed(loan.id(), loan.institutionId(), loan.customerId(), loan.productId(),
                disbursementId, loan.principal(), loan.currency(), date, maturity));
    }

    /**
     * The terms moved to the actual disbursement date: the first due date keeps its distance in
     * whole months (or days) from the disbursement, so the loan is re-dated, never re-priced.
     */
    static LoanTerms redated(LoanTerms terms, LocalDate date) {
        if (terms.disbursementDate().equals(date)) {
            return terms;
        }
        LocalDate first;
        long months = ChronoUnit.MONTHS.between(terms.disbursementDate(), terms.firstRepaymentDate());
        if (terms.disbursementDate().plusMonths(months).equals(terms.firstRepaymentDate())) {
            first = date.plusMonths(months);
        } else {
            first = date.plusDays(ChronoUnit.DAYS.between(terms.disbursementDate(), terms.firstRepaymentDate()));
        }
        return terms.toBuilder().disbursementDate(date).firstRepaymentDate(first).build();
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
