package org.xiaodai.collection.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;
import org.xiaodai.shared.validation.DecimalNumber;

/**
 * What a collector or supervisor records on a case besides contacts: promises to pay, the
 * escalation and outsourcing flags, and the borrower's consent to contact in the quiet hours. Every
 * change is audited; business dates come from the institution's business date.
 */
@Service
public class CaseWork {

    static final int MAX_PROMISE_DAYS = 30;

    private final JdbcClient jdbc;
    private final CaseAccess cases;
    private final AuditTrail audit;
    private final BusinessDate businessDate;
    private final Clock clock;

    CaseWork(JdbcClient jdbc, CaseAccess cases, AuditTrail audit, BusinessDate businessDate, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.businessDate = businessDate;
        this.clock = clock;
    }

    /** A promise as the collector reports it; the amount as a decimal string. */
    public record NewPromise(String amount, LocalDate promisedDate, String note) {
    }

    /** The flags a supervisor sets. */
    public record Flags(boolean escalated, String escalationReason, boolean outsourced, String outsourcedAgency) {
    }

    @Transactional
    public CaseViews.Promise promise(CurrentUser caller, UUID caseId, NewPromise in) {
        CaseViews.CaseSummary c = cases.require(caller, caseId, true);
        UUID institution = cases.institutionOf(caseId);
        LocalDate today = today(institution);
        List<FieldProblem> errors = new ArrayList<>();
        BigDecimal amount = null;
        if (in.amount() == null || in.amount().isBlank()) {
            errors.add(FieldProblem.of("amount", "required"));
        } else {
            var parsed = DecimalNumber.validate(in.amount());
            if (parsed.isValid()) {
                amount = parsed.toOptional().orElseThrow();
                if (amount.signum() <= 0 || amount.scale() > 2) {
                    errors.add(FieldProblem.of("amount", amount.signum() <= 0 ? "min" : "format"));
                }
            } else {
                parsed.errors().forEach(v -> errors.add(new FieldProblem("amount", v.rule(), v.messageKey(), v.args())));
            }
        }
        if (in.promisedDate() == null) {
            errors.add(FieldProblem.of("promisedDate", "required"));
        } else if (in.promisedDate().isBefore(today)) {
            errors.add(FieldProblem.of("promisedDate", "min"));
        } else if (in.promisedDate().isAfter(today.plusDays(MAX_PROMISE_DAYS))) {
            errors.add(FieldProblem.of("promisedDate", "max"));
        }
        String note = in.note() == null ? null : in.note().strip();
        if (note != null && note.length() > 500) {
            errors.add(FieldProblem.of("note", "size", 0, 500));
        }
        if (!c.status().equals("OPEN")) {
            throw ProblemException.conflict("case-closed");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into collection_promise (id, institution_id, case_id, amount, promised_date, made_on, status, note,
                    collector_id, created_at) values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
                .params(id, institution, caseId, amount, in.promisedDate(), today, note, caller.userId(),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditRecord.created("collection.promise.made", "collection-promise", id, institution,
                Map.of("caseId", caseId.toString(), "amount", amount.toPlainString(), "promisedDate", in.promisedDate().toString())));
        return jdbc.sql("select * from collection_promise where id = ?").param(id).query(CaseViews.Promise::map).single();
    }

    @Transactional
    public CaseViews.CaseSummary flags(CurrentUser caller, UUID caseId, Flags in) {
        CaseViews.CaseSummary before = cases.require(caller, caseId, true);
        String reason = trimmed(in.escalationReason(), 500, "escalationReason");
        String agency = trimmed(in.outsourcedAgency(), 200, "outsourcedAgency");
        if (in.escalated() && reason == null) {
            throw ProblemException.invalid("escalationReason", "required");
        }
        if (in.outsourced() && agency == null) {
            throw ProblemException.invalid("outsourcedAgency", "required");
        }
        jdbc.sql("""
                update collection_case set escalated = ?, escalation_reason = ?, outsourced = ?, outsourced_agency = ?,
                    updated_at = ? where id = ?""")
                .params(in.escalated(), in.escalated() ? reason : null, in.outsourced(), in.outsourced() ? agency : null,
                        Timestamp.from(clock.instant()), caseId)
                .update();
        audit.record(AuditRecord.changed("collection.case.flags", "collection-case", caseId, cases.institutionOf(caseId),
                Map.of("escalated", before.escalated(), "outsourced", before.outsourced()),
                Map.of("escalated", in.escalated(), "outsourced", in.outsourced())));
        return cases.require(caller, caseId, false);
    }

    /** Records that the borrower agreed to be contacted in the quiet hours (time and who recorded it, audited). */
    @Transactional
    public CaseViews.CaseSummary quietHoursConsent(CurrentUser caller, UUID caseId, boolean given) {
        cases.require(caller, caseId, true);
        jdbc.sql("update collection_case set quiet_hours_consent_at = ?, updated_at = ? where id = ?")
                .params(given ? Timestamp.from(clock.instant()) : null, Timestamp.from(clock.instant()), caseId).update();
        audit.record(AuditRecord.changed("collection.case.quiet-hours-consent", "collection-case", caseId,
                cases.institutionOf(caseId), Map.of(), Map.of("consent", given)));
        return cases.require(caller, caseId, false);
    }

    private LocalDate today(UUID institution) {
        try {
            return businessDate.of(institution);
        } catch (NoSuchElementException e) {
            return LocalDate.ofInstant(clock.instant(), clock.getZone());
        }
    }

    private static String trimmed(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw ProblemException.invalid(field, "size", 1, max);
        }
        return value.strip();
    }
}
