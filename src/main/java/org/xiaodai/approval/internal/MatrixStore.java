package org.xiaodai.approval.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.approval.domain.AuthorityMatrix;
import org.xiaodai.approval.domain.MatrixRules;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.tx.ReferenceCache;
import org.xiaodai.shared.tx.ReferenceVersion;

import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned authority matrix of each institution. Until an institution saves its own, the
 * built-in default ({@link AuthorityMatrix#standard()}, version 0) is in force; every save is a new
 * version and old versions are never changed (the table refuses UPDATE and DELETE).
 */
@Component
public class MatrixStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    MatrixStore(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** A matrix with its version (0 = the built-in default). */
    public record Versioned(int version, AuthorityMatrix matrix) {
    }

    /**
     * The matrix in force by the tenant wall it was read through, kept across transactions under the
     * reference version (a save anywhere bumps it: a trigger on {@code approval_matrix}).
     */
    private static final ReferenceCache<TenantWall.Setting, Versioned> CURRENT = new ReferenceCache<>("authority matrix", 10_000);

    /** The matrix in force for the current tenant (the newest version, else the default). */
    @Transactional(readOnly = true)
    public Versioned current() {
        return CURRENT.get(TenantWall.current(), wall -> jdbc.sql("select version, rules::text from approval_matrix order by version desc limit 1")
                .query((rs, n) -> new Versioned(rs.getInt(1), json.readValue(rs.getString(2), AuthorityMatrix.class)))
                .optional().orElseGet(() -> new Versioned(0, AuthorityMatrix.standard())));
    }

    /** Every saved version, newest first (version and when). */
    @Transactional(readOnly = true)
    public List<VersionLine> versions() {
        return jdbc.sql("select version, created_at, created_by from approval_matrix order by version desc")
                .query((rs, n) -> new VersionLine(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getObject(3, UUID.class))).list();
    }

    public record VersionLine(int version, java.time.Instant createdAt, UUID createdBy) {
    }

    /** Saves {@code matrix} as the next version of the caller's institution. */
    @Transactional
    public Versioned save(CurrentUser caller, AuthorityMatrix matrix) {
        if (caller.organisationKind() != OrganisationKind.LENDER) {
            throw ProblemException.forbidden("forbidden");
        }
        List<FieldProblem> problems = MatrixRules.check(matrix);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Versioned before = current();
        int version = before.version() + 1;
        ReferenceVersion.changedHere();
        try {
            jdbc.sql("""
                    insert into approval_matrix (id, institution_id, version, rules, created_by, created_at)
                    values (?, ?, ?, ?::jsonb, ?, ?)""")
                    .params(UUID.randomUUID(), caller.organisationId(), version, json.writeValueAsString(matrix),
                            caller.userId(), java.sql.Timestamp.from(clock.instant())).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ProblemException.conflict("concurrent-change");
        }
        audit.record(AuditRecord.changed("approval.matrix.saved", "approval-matrix", version, caller.organisationId(),
                before.matrix(), matrix));
        return new Versioned(version, matrix);
    }
}
