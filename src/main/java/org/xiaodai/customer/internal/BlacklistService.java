package org.xiaodai.customer.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.customer.BlacklistHit;
import org.xiaodai.customer.BlacklistReason;
import org.xiaodai.customer.domain.CustomerRules;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.Violation;

/**
 * The regional blacklist (区域黑名单): an institution adds an ID number with a reason and its
 * evidence (kept as its own row, only the blind index and the masked form of the number); every
 * institution checks an ID number through the narrow {@code customer_blacklist_check} function,
 * which answers hit/miss and the reason categories only.
 */
@Service
public class BlacklistService {

    static final int MAX_EVIDENCE = 2000;
    private final JdbcClient jdbc;
    private final PiiFields pii;
    private final AuditTrail audit;
    private final java.time.Clock clock;
    private final Today today;

    BlacklistService(JdbcClient jdbc, PiiFields pii, AuditTrail audit, java.time.Clock clock, Today today) {
        this.jdbc = jdbc;
        this.pii = pii;
        this.audit = audit;
        this.clock = clock;
        this.today = today;
    }

    /** One of the caller's institution's own entries. */
    @Schema(description = "An entry your institution put on the regional blacklist.")
    public record BlacklistEntry(UUID id, @Schema(example = "3604**********0071") String idNumber,
                                 BlacklistReason reason, String evidence, Instant createdAt) {
    }

    @Transactional
    public BlacklistEntry add(CurrentUser caller, String idNumber, String reason, String evidence) {
        UUID institution = Problems.lenderInstitution(caller);
        List<Violation> errors = new ArrayList<>();
        String normalised = CustomerRules.anyIdNumber(idNumber, today.of(institution), errors);
        BlacklistReason category = reason(reason, errors);
        String proof = evidence == null ? "" : evidence.strip();
        if (proof.isEmpty()) {
            errors.add(new Violation("evidence", "required", "problem.field.required", List.of()));
        } else if (proof.length() > MAX_EVIDENCE) {
            errors.add(new Violation("evidence", "size", "problem.field.size", List.of(1, MAX_EVIDENCE)));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    insert into customer_blacklist_entry (id, institution_id, id_number_index, id_number_masked, reason,
                        evidence, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, institution, pii.idNumberIndex(normalised), PiiFields.maskId(normalised), category.name(),
                            proof, caller.userId(), java.sql.Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "conflict", List.of(
                    new org.xiaodai.shared.problem.FieldProblem("idNumber", "duplicate",
                            "customer.validation.blacklist.duplicate", List.of())));
        }
        BlacklistEntry entry = new BlacklistEntry(id, PiiFields.maskId(normalised), category, proof, now);
        audit.record(AuditRecord.created("customer.blacklist.added", "blacklist-entry", id, institution,
                Map.of("idNumber", entry.idNumber(), "reason", category.name())));
        return entry;
    }

    /** Hit or miss for any valid ID number, across every institution of the region. */
    @Transactional(readOnly = true)
    public BlacklistHit check(CurrentUser caller, String idNumber) {
        List<Violation> errors = new ArrayList<>();
        String normalised = CustomerRules.anyIdNumber(idNumber, today.of(Problems.lenderOrAny(caller)), errors);
        if (normalised == null) {
            throw Problems.invalid(errors);
        }
        return checkIndex(pii.idNumberIndex(normalised));
    }

    BlacklistHit checkIndex(byte[] index) {
        return jdbc.sql("select hit, reasons from customer_blacklist_check(?)").param(index)
                .query((rs, n) -> new BlacklistHit(rs.getBoolean("hit"),
                        Arrays.stream((String[]) rs.getArray("reasons").getArray()).map(BlacklistReason::valueOf).toList()))
                .single();
    }

    /** The caller's institution's own entries, newest first. */
    @Transactional(readOnly = true)
    public List<BlacklistEntry> own(CurrentUser caller) {
        return jdbc.sql("""
                select id, id_number_masked, reason, evidence, created_at from customer_blacklist_entry
                where institution_id = ? order by created_at desc limit 500""")
                .param(Problems.lenderInstitution(caller))
                .query((rs, n) -> new BlacklistEntry(rs.getObject("id", UUID.class), rs.getString("id_number_masked"),
                        BlacklistReason.valueOf(rs.getString("reason")), rs.getString("evidence"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static BlacklistReason reason(String raw, List<Violation> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new Violation("reason", "required", "problem.field.required", List.of()));
            return null;
        }
        try {
            return BlacklistReason.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Violation("reason", "oneOf", "problem.field.oneOf",
                    List.of(Arrays.toString(BlacklistReason.values()))));
            return null;
        }
    }
}
