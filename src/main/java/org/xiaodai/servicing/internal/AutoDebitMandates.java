package org.xiaodai.servicing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.servicing.LoanState;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

/**
 * A loan's auto-debit mandate (代扣授权) after contract acceptance: set, revoked or set again, from
 * the contract until the loan is paid off or written off. End of day's withholding reads the loan
 * row's {@code auto_debit} on the date it closes, so a change takes effect from the next close.
 * Each request carries an idempotency key: the same key twice changes the mandate once and answers
 * the first result. Every change is kept ({@code servicing_mandate_change}) and audited
 * ({@code servicing.loan.auto-debit}).
 */
@Service
public class AutoDebitMandates {

    /** One mandate change as booked. */
    public record Change(UUID id, UUID loanId, boolean autoDebit, boolean previous, LocalDate businessDate,
                         @Nullable String reason, Instant changedAt, boolean created) {
    }

    private final LoanRepository loans;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final BusinessDate businessDate;
    private final Clock clock;

    AutoDebitMandates(LoanRepository loans, JdbcClient jdbc, AuditTrail audit, BusinessDate businessDate, Clock clock) {
        this.loans = loans;
        this.jdbc = jdbc;
        this.audit = audit;
        this.businessDate = businessDate;
        this.clock = clock;
    }

    @Transactional
    public Change set(UUID loanId, @Nullable Boolean autoDebit, @Nullable String idempotencyKey, @Nullable String reason,
                      @Nullable UUID actor) {
        java.util.List<FieldProblem> problems = new java.util.ArrayList<>();
        if (autoDebit == null) {
            problems.add(FieldProblem.of("autoDebit", "required"));
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            problems.add(FieldProblem.of("idempotencyKey", "required"));
        } else if (idempotencyKey.length() > 100) {
            problems.add(FieldProblem.of("idempotencyKey", "maxLength", 100));
        }
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null && note.length() > 500) {
            problems.add(FieldProblem.of("reason", "maxLength", 500));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        LoanRow loan = loans.lock(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        Optional<Change> earlier = byKey(loanId, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!(loan.status().open() || loan.status() == LoanState.PENDING_DISBURSEMENT
                || loan.status() == LoanState.DISBURSING)) {
            throw ProblemException.conflict("loan-not-open", loan.status().name());
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        LocalDate date = businessDate.of(loan.institutionId());
        jdbc.sql("update servicing_loan set auto_debit = ?, updated_at = ?, row_version = row_version + 1 where id = ?")
                .params(autoDebit, Timestamp.from(now), loanId).update();
        jdbc.sql("""
                insert into servicing_mandate_change (id, institution_id, loan_id, idempotency_key, auto_debit, previous,
                    business_date, reason, actor_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, loan.institutionId(), loanId, idempotencyKey, autoDebit, loan.autoDebit(), date, note, actor,
                Timestamp.from(now)).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("autoDebit", autoDebit);
        after.put("businessDate", date.toString());
        after.put("idempotencyKey", idempotencyKey);
        if (note != null) {
            after.put("reason", note);
        }
        audit.record(AuditRecord.changed("servicing.loan.auto-debit", "loan", loanId, loan.institutionId(),
                Map.of("autoDebit", loan.autoDebit()), after));
        return new Change(id, loanId, autoDebit, loan.autoDebit(), date, note, now, true);
    }

    private Optional<Change> byKey(UUID loanId, String key) {
        return jdbc.sql("""
                select id, loan_id, auto_debit, previous, business_date, reason, created_at
                from servicing_mandate_change where loan_id = ? and idempotency_key = ?
                """).params(loanId, key).query(AutoDebitMandates::map).optional();
    }

    private static Change map(ResultSet rs, int row) throws SQLException {
        return new Change(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3), rs.getBoolean(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getTimestamp(7).toInstant(), false);
    }
}
