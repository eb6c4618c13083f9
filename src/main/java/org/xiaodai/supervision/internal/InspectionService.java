package org.xiaodai.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.shared.problem.ProblemException;

/**
 * Inspections (检查): the regulator records an on-site or off-site inspection of an institution, its
 * findings with rectification deadlines, verifies the rectifications the institution reports, and
 * closes the inspection once every finding is verified. Every step is kept in the follow-up log.
 * An institution reads its own inspections and reports rectifications; another's is a 404.
 */
@Service
public class InspectionService {

    public enum Kind { ON_SITE, OFF_SITE }

    public enum Severity { LOW, MEDIUM, HIGH }

    public record InspectionInput(String institutionId, String kind, String title, String scopeNote, String startedOn) {
    }

    public record FindingInput(String severity, String description, String rectificationDue) {
    }

    @Schema(description = "An inspection (现场 / 非现场检查) of one institution.")
    public record InspectionView(UUID id, UUID institutionId, String reference,
                                 @Schema(allowableValues = {"ON_SITE", "OFF_SITE"}) String kind, String title,
                                 @Nullable String scopeNote, LocalDate startedOn, @Nullable LocalDate endedOn,
                                 @Schema(allowableValues = {"OPEN", "RECTIFYING", "CLOSED"}) String status,
                                 String createdBy, Instant createdAt, long openFindings) {
    }

    @Schema(description = "A finding with its rectification deadline and state.")
    public record FindingView(UUID id, int number, @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH"}) String severity,
                              String description, LocalDate rectificationDue, boolean overdue,
                              @Schema(allowableValues = {"OPEN", "REPORTED", "VERIFIED"}) String status,
                              @Nullable String rectificationNote, @Nullable Instant reportedAt, @Nullable Instant verifiedAt) {
    }

    @Schema(description = "One follow-up step.")
    public record FollowUp(String action, @Nullable Integer finding, @Nullable String note, String actor, Instant at) {
    }

    @Schema(description = "An inspection with its findings and follow-up log.")
    public record InspectionDetail(InspectionView inspection, List<FindingView> findings, List<FollowUp> followUp) {
    }

    private final JdbcClient jdbc;
    private final InstitutionDirectory directory;
    private final RegistryService registry;
    private final AuditTrail audit;
    private final Clock clock;

    InspectionService(JdbcClient jdbc, InstitutionDirectory directory, RegistryService registry, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public InspectionView open(CurrentUser caller, InspectionInput in) {
        regulatorOnly(caller);
        Input input = new Input();
        UUID institution = null;
        String raw = in.institutionId();
        if (raw == null || raw.isBlank()) {
            input.fail("institutionId", "required");
        } else {
            try {
                institution = UUID.fromString(raw.strip());
                if (directory.lender(institution).isEmpty()) {
                    input.fail("institutionId", "unknown");
                }
            } catch (IllegalArgumentException e) {
                input.fail("institutionId", "format");
            }
        }
        Kind kind = input.choice("kind", in.kind(), Kind.class);
        String title = input.text("title", in.title(), 200);
        String scope = input.optionalText("scopeNote", in.scopeNote(), 2000);
        LocalDate started = input.date("startedOn", in.startedOn());
        input.check();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String reference = "JC" + started.toString().replace("-", "") + "-" + id.toString().substring(0, 6).toUpperCase(Locale.ROOT);
        jdbc.sql("""
                insert into supervision_inspection (id, institution_id, reference, kind, title, scope_note, started_on, status,
                    created_by_name, created_at) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(id, institution, reference, kind.name(), title, scope, started, Names.of(caller), Timestamp.from(now))
                .update();
        followUp(institution, id, null, "OPENED", title, caller, now);
        audit.record(AuditRecord.created("supervision.inspection.opened", "inspection", id, institution,
                Map.of("reference", reference, "kind", kind.name(), "title", title)));
        return inspection(id);
    }

    @Transactional
    public FindingView addFinding(CurrentUser caller, UUID inspectionId, FindingInput in) {
        regulatorOnly(caller);
        InspectionView inspection = inspection(inspectionId);
        if ("CLOSED".equals(inspection.status())) {
            throw ProblemException.conflict("invalid-state");
        }
        Input input = new Input();
        Severity severity = input.choice("severity", in.severity(), Severity.class);
        String description = input.text("description", in.description(), 4000);
        LocalDate due = input.date("rectificationDue", in.rectificationDue());
        input.check();
        if (due.isBefore(inspection.startedOn())) {
            throw ProblemException.invalid("rectificationDue", "min");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from supervision_finding where inspection_id = ?")
                .param(inspectionId).query(Integer.class).single();
        jdbc.sql("""
                insert into supervision_finding (id, institution_id, inspection_id, number, severity, description,
                    rectification_due, status, created_at) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, inspection.institutionId(), inspectionId, number, severity.name(), description, due,
                        Timestamp.from(now)).update();
        jdbc.sql("update supervision_inspection set status = 'RECTIFYING', version = version + 1 where id = ?")
                .param(inspectionId).update();
        followUp(inspection.institutionId(), inspectionId, id, "FINDING_ADDED", description, caller, now);
        audit.record(AuditRecord.created("supervision.finding.added", "inspection", inspectionId,
                inspection.institutionId(), Map.of("finding", number, "severity", severity.name(), "due", due.toString())));
        return finding(id);
    }

    /** The institution reports a finding rectified (only while it is open). */
    @Transactional
    public FindingView reportRectification(CurrentUser caller, UUID inspectionId, UUID findingId, String note) {
        if (caller.isRegulator()) {
            throw ProblemException.forbidden("forbidden");
        }
        InspectionView inspection = inspection(inspectionId);
        FindingView finding = findingOf(inspectionId, findingId);
        Input input = new Input();
        String text = input.text("note", note, 4000);
        input.check();
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update supervision_finding set status = 'REPORTED', rectification_note = ?, reported_at = ?, version = version + 1
                where id = ? and status = 'OPEN'""").params(text, Timestamp.from(now), finding.id()).update();
        if (changed == 0) {
            throw ProblemException.conflict("invalid-state");
        }
        followUp(inspection.institutionId(), inspectionId, findingId, "RECTIFICATION_REPORTED", text, caller, now);
        audit.record(AuditRecord.changed("supervision.finding.reported", "inspection", inspectionId,
                inspection.institutionId(), Map.of("finding", finding.number(), "status", finding.status()),
                Map.of("finding", finding.number(), "status", "REPORTED")));
        return finding(findingId);
    }

    /** The regulator's follow-up of a reported rectification: accepted (verified) or sent back (open again). */
    @Transactional
    public FindingView verify(CurrentUser caller, UUID inspectionId, UUID findingId, boolean accepted, String note) {
        regulatorOnly(caller);
        InspectionView inspection = inspection(inspectionId);
        FindingView finding = findingOf(inspectionId, findingId);
        Input input = new Input();
        String text = accepted ? input.optionalText("note", note, 4000) : input.text("note", note, 4000);
        input.check();
        Instant now = clock.instant();
        int changed = jdbc.sql("update supervision_finding set status = ?, verified_at = ?, version = version + 1 "
                        + "where id = ? and status = 'REPORTED'")
                .params(accepted ? "VERIFIED" : "OPEN", accepted ? Timestamp.from(now) : null, finding.id()).update();
        if (changed == 0) {
            throw ProblemException.conflict("invalid-state");
        }
        followUp(inspection.institutionId(), inspectionId, findingId, accepted ? "RECTIFICATION_VERIFIED"
                : "RECTIFICATION_REJECTED", text, caller, now);
        audit.record(AuditRecord.changed("supervision.finding.verified", "inspection", inspectionId,
                inspection.institutionId(), Map.of("finding", finding.number(), "status", "REPORTED"),
                Map.of("finding", finding.number(), "status", accepted ? "VERIFIED" : "OPEN")));
        return finding(findingId);
    }

    /** Closes an inspection whose findings are all verified (409 otherwise). */
    @Transactional
    public InspectionView close(CurrentUser caller, UUID inspectionId, String endedOn) {
        regulatorOnly(caller);
        InspectionView inspection = inspection(inspectionId);
        Input input = new Input();
        LocalDate ended = input.date("endedOn", endedOn);
        input.check();
        if (ended.isBefore(inspection.startedOn())) {
            throw ProblemException.invalid("endedOn", "min");
        }
        if (inspection.openFindings() > 0 || "CLOSED".equals(inspection.status())) {
            throw ProblemException.conflict("invalid-state");
        }
        jdbc.sql("update supervision_inspection set status = 'CLOSED', ended_on = ?, version = version + 1 where id = ?")
                .params(ended, inspectionId).update();
        followUp(inspection.institutionId(), inspectionId, null, "CLOSED", null, caller, clock.instant());
        audit.record(AuditRecord.changed("supervision.inspection.closed", "inspection", inspectionId,
                inspection.institutionId(), Map.of("status", inspection.status()), Map.of("status", "CLOSED")));
        return inspection(inspectionId);
    }

    /** The inspections the caller's tenant wall shows, newest first (optionally of one institution). */
    @Transactional(readOnly = true)
    public List<InspectionView> list(CurrentUser caller, @Nullable UUID institutionId) {
        return jdbc.sql(SELECT + (institutionId == null ? "" : " where i.institution_id = ?")
                        + " order by i.started_on desc, i.reference")
                .params(institutionId == null ? List.of() : List.of(institutionId)).query(this::inspectionRow).list();
    }

    @Transactional(readOnly = true)
    public InspectionDetail detail(CurrentUser caller, UUID id) {
        InspectionView inspection = inspection(id);
        List<FindingView> findings = jdbc.sql("select * from supervision_finding where inspection_id = ? order by number")
                .param(id).query(this::findingRow).list();
        List<FollowUp> log = jdbc.sql("""
                select e.action, f.number, e.note, e.actor_name, e.at from supervision_inspection_event e
                left join supervision_finding f on f.id = e.finding_id where e.inspection_id = ? order by e.at, e.action""")
                .param(id).query((rs, n) -> new FollowUp(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).list();
        return new InspectionDetail(inspection, findings, log);
    }

    private static final String SELECT = """
            select i.*, (select count(*) from supervision_finding f where f.inspection_id = i.id and f.status <> 'VERIFIED')
                   as open_findings from supervision_inspection i""";

    private InspectionView inspection(UUID id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(this::inspectionRow).optional()
                .orElseThrow(() -> ProblemException.notFound("inspection"));
    }

    private FindingView finding(UUID id) {
        return jdbc.sql("select * from supervision_finding where id = ?").param(id).query(this::findingRow).single();
    }

    private FindingView findingOf(UUID inspectionId, UUID findingId) {
        return jdbc.sql("select * from supervision_finding where id = ? and inspection_id = ?").params(findingId, inspectionId)
                .query(this::findingRow).optional().orElseThrow(() -> ProblemException.notFound("finding"));
    }

    private void followUp(UUID institution, UUID inspection, UUID finding, String action, String note, CurrentUser actor,
                          Instant at) {
        jdbc.sql("""
                insert into supervision_inspection_event (id, institution_id, inspection_id, finding_id, action, note, actor_id,
                    actor_name, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), institution, inspection, finding, action, note, actor.userId(), Names.of(actor),
                        Timestamp.from(at)).update();
    }

    private static void regulatorOnly(CurrentUser caller) {
        if (!caller.isRegulator()) {
            throw ProblemException.forbidden("forbidden");
        }
    }

    private InspectionView inspectionRow(ResultSet rs, int n) throws SQLException {
        return new InspectionView(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                rs.getString("reference"), rs.getString("kind"), rs.getString("title"), rs.getString("scope_note"),
                rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                rs.getString("status"), rs.getString("created_by_name"), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("open_findings"));
    }

    private FindingView findingRow(ResultSet rs, int n) throws SQLException {
        LocalDate due = rs.getObject("rectification_due", LocalDate.class);
        String status = rs.getString("status");
        UUID institution = rs.getObject("institution_id", UUID.class);
        return new FindingView(rs.getObject("id", UUID.class), rs.getInt("number"), rs.getString("severity"),
                rs.getString("description"), due, "OPEN".equals(status) && due.isBefore(registry.today(institution)),
                status, rs.getString("rectification_note"),
                rs.getTimestamp("reported_at") == null ? null : rs.getTimestamp("reported_at").toInstant(),
                rs.getTimestamp("verified_at") == null ? null : rs.getTimestamp("verified_at").toInstant());
    }
}
