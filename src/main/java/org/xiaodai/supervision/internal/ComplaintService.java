package org.xiaodai.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;
import org.xiaodai.supervision.ComplaintRegistered;
import org.xiaodai.supervision.ComplaintResolved;
import org.xiaodai.supervision.internal.ComplaintViews.ComplaintDetail;
import org.xiaodai.supervision.internal.ComplaintViews.ComplaintEvent;
import org.xiaodai.supervision.internal.ComplaintViews.ComplaintStatistics;
import org.xiaodai.supervision.internal.ComplaintViews.ComplaintView;
import org.xiaodai.supervision.internal.ComplaintViews.InstitutionCount;

/**
 * Complaints (投诉): registered by the regulator (naming the institution) or by a borrower (against
 * its own institution), routed at once with a response deadline ({@link #RESPONSE_DAYS} days unless
 * the regulator sets one); the institution responds; the regulator resolves any complaint, the
 * institution only a borrower's one it has answered. Reads within the tenant wall and the caller's
 * data scope (a borrower sees the complaints it filed); another institution's complaint is a 404.
 */
@Service
public class ComplaintService {

    /** Days an institution has to respond when the regulator sets no deadline. */
    public static final int RESPONSE_DAYS = 15;
    public static final ListQuery.Sorting SORTING = ListQuery.Sorting.by("filed", true, "filed", "due", "status", "reference");
    private static final String SELECT = "select * from supervision_complaint";

    public enum Channel { REGULATOR, BORROWER }

    public enum Category { RATE_AND_FEES, COLLECTION_CONDUCT, PERSONAL_INFORMATION, CONTRACT_TERMS, SERVICE, OTHER }

    public enum Status { ROUTED, RESPONDED, RESOLVED }

    public enum Outcome { UPHELD, PARTLY_UPHELD, NOT_UPHELD, WITHDRAWN }

    /** A complaint as typed; {@code institutionId} and {@code responseDue} only from the regulator. */
    public record ComplaintInput(String institutionId, String category, String subject, String description,
                                 String complainantName, String responseDue) {
    }

    private final JdbcClient jdbc;
    private final InstitutionDirectory directory;
    private final RegistryService registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ComplaintService(JdbcClient jdbc, InstitutionDirectory directory, RegistryService registry, AuditTrail audit,
                     ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Registers and routes a complaint; 400 naming every bad field, nothing written then. */
    @Transactional
    public ComplaintView file(CurrentUser caller, ComplaintInput in) {
        Input input = new Input();
        UUID institution;
        Channel channel;
        String complainant;
        LocalDate due = null;
        if (caller.isRegulator()) {
            channel = Channel.REGULATOR;
            institution = institution(input, in.institutionId());
            complainant = input.text("complainantName", in.complainantName(), 100);
            due = input.optionalDate("responseDue", in.responseDue());
        } else {
            channel = Channel.BORROWER;
            institution = caller.organisationId();
            complainant = Names.of(caller);
        }
        Category category = input.choice("category", in.category(), Category.class);
        String subject = input.text("subject", in.subject(), 200);
        String description = input.text("description", in.description(), 4000);
        input.check();
        LocalDate today = registry.today(institution);
        if (due == null) {
            due = today.plusDays(RESPONSE_DAYS);
        } else if (due.isBefore(today)) {
            throw ProblemException.invalid("responseDue", "min");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String reference = "TS" + today.toString().replace("-", "") + "-"
                + id.toString().substring(0, 6).toUpperCase(Locale.ROOT);
        jdbc.sql("""
                insert into supervision_complaint (id, institution_id, reference, channel, category, subject, description,
                    complainant_name, filed_by, filed_by_name, filed_at, filed_on, response_due, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ROUTED')""")
                .params(id, institution, reference, channel.name(), category.name(), subject, description, complainant,
                        caller.userId(), Names.of(caller), Timestamp.from(now), today, due)
                .update();
        event(institution, id, "REGISTERED", null, caller, now);
        event(institution, id, "ROUTED", due.toString(), caller, now);
        ComplaintView view = row(caller, id);
        audit.record(AuditRecord.created("supervision.complaint.registered", "complaint", id, institution,
                Map.of("reference", reference, "channel", channel.name(), "category", category.name(),
                        "responseDue", due.toString())));
        events.publishEvent(new ComplaintRegistered(id, institution, reference, channel.name(), category.name(), due));
        return view;
    }

    /** The institution's response; only while the complaint awaits it (409 otherwise). */
    @Transactional
    public ComplaintView respond(CurrentUser caller, UUID id, String response) {
        ComplaintView c = row(caller, id);
        if (caller.isRegulator()) {
            throw ProblemException.forbidden("forbidden");
        }
        Input input = new Input();
        String text = input.text("response", response, 4000);
        input.check();
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update supervision_complaint set status = 'RESPONDED', response = ?, responded_by_name = ?, responded_at = ?,
                    responded_on = ?, version = version + 1 where id = ? and status = 'ROUTED'""")
                .params(text, Names.of(caller), Timestamp.from(now), registry.today(c.institutionId()), id).update();
        if (changed == 0) {
            throw ProblemException.conflict("invalid-state");
        }
        event(c.institutionId(), id, "RESPONDED", text, caller, now);
        audit.record(AuditRecord.changed("supervision.complaint.responded", "complaint", id, c.institutionId(),
                Map.of("status", c.status()), Map.of("status", "RESPONDED")));
        return row(caller, id);
    }

    /**
     * Resolves a complaint with an outcome: the regulator any open one; the institution only a
     * borrower's complaint it has responded to. 409 when already resolved or not yet answerable.
     */
    @Transactional
    public ComplaintView resolve(CurrentUser caller, UUID id, String outcome, String resolution) {
        ComplaintView c = row(caller, id);
        Input input = new Input();
        Outcome result = input.choice("outcome", outcome, Outcome.class);
        String text = input.text("resolution", resolution, 4000);
        input.check();
        if (!caller.isRegulator() && (!Channel.BORROWER.name().equals(c.channel()) || !Status.RESPONDED.name().equals(c.status()))) {
            throw ProblemException.conflict("invalid-state");
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update supervision_complaint set status = 'RESOLVED', outcome = ?, resolution = ?, resolved_by_name = ?,
                    resolved_at = ?, version = version + 1 where id = ? and status <> 'RESOLVED'""")
                .params(result.name(), text, Names.of(caller), Timestamp.from(now), id).update();
        if (changed == 0) {
            throw ProblemException.conflict("invalid-state");
        }
        event(c.institutionId(), id, "RESOLVED", result.name() + ": " + text, caller, now);
        audit.record(AuditRecord.changed("supervision.complaint.resolved", "complaint", id, c.institutionId(),
                Map.of("status", c.status()), Map.of("status", "RESOLVED", "outcome", result.name())));
        events.publishEvent(new ComplaintResolved(id, c.institutionId(), c.reference(), result.name()));
        return row(caller, id);
    }

    /** One page of the complaints the caller may see, optionally of one status. */
    @Transactional(readOnly = true)
    public PageResult<ComplaintView> page(CurrentUser caller, ListQuery query, String status) {
        DataScope.Predicate visible = caller.scope().predicate("t", null, "filed_by");
        String only = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        return PagedQuery.over(jdbc, SELECT)
                .where(visible.sql(), visible.parameters())
                .whereIf(only, "t.status = :status", "status")
                .search("t.reference", "t.subject", "t.complainant_name")
                .sortable(Map.of("filed", "t.filed_at", "due", "t.response_due", "status", "t.status",
                        "reference", "t.reference"))
                .tieBreaker("t.id")
                .fetch(query, this::view);
    }

    /** One complaint with its history; 404 outside the caller's tenant wall or data scope. */
    @Transactional(readOnly = true)
    public ComplaintDetail detail(CurrentUser caller, UUID id) {
        ComplaintView c = row(caller, id);
        List<ComplaintEvent> history = jdbc.sql("""
                select action, note, actor_name, at from supervision_complaint_event where complaint_id = ? order by at, action""")
                .param(id).query((rs, n) -> new ComplaintEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
        return new ComplaintDetail(c, history);
    }

    /** Counts over what the caller may see: by status and category, overdue, time to respond, per institution. */
    @Transactional(readOnly = true)
    public ComplaintStatistics statistics(CurrentUser caller) {
        DataScope.Predicate visible = caller.scope().predicate("c", null, "filed_by");
        Map<String, Long> byCategory = new LinkedHashMap<>();
        jdbc.sql("select category, count(*) from supervision_complaint c where " + visible.sql()
                        + " group by category order by category").params(visible.parameters())
                .query(rs -> {
                    byCategory.put(rs.getString(1), rs.getLong(2));
                });
        List<InstitutionCount> perInstitution = new java.util.ArrayList<>();
        long[] totals = new long[5];
        jdbc.sql("select institution_id, count(*), count(*) filter (where status = 'ROUTED'), "
                        + "count(*) filter (where status = 'RESPONDED'), count(*) filter (where status = 'RESOLVED') "
                        + "from supervision_complaint c where " + visible.sql() + " group by institution_id")
                .params(visible.parameters()).query(rs -> {
                    UUID institution = rs.getObject(1, UUID.class);
                    long overdue = overdue(institution, registry.today(institution));
                    perInstitution.add(new InstitutionCount(institution, rs.getLong(2), rs.getLong(3), overdue));
                    totals[0] += rs.getLong(2);
                    totals[1] += rs.getLong(3);
                    totals[2] += rs.getLong(4);
                    totals[3] += rs.getLong(5);
                    totals[4] += overdue;
                });
        java.math.BigDecimal average = jdbc.sql("select avg(responded_on - filed_on) from supervision_complaint c where "
                + visible.sql() + " and responded_on is not null").params(visible.parameters())
                .query(java.math.BigDecimal.class).optional().orElse(null);
        return new ComplaintStatistics(totals[0], totals[1], totals[2], totals[3], totals[4],
                average == null ? null : average.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString(),
                byCategory, perInstitution);
    }

    long overdue(UUID institution, LocalDate asOf) {
        return jdbc.sql("""
                select count(*) from supervision_complaint where institution_id = ? and status = 'ROUTED' and response_due < ?""")
                .params(institution, asOf).query(Long.class).single();
    }

    long filed(UUID institution, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from supervision_complaint where institution_id = ? and filed_on between ? and ?")
                .params(institution, from, to).query(Long.class).single();
    }

    ComplaintView row(CurrentUser caller, UUID id) {
        DataScope.Predicate visible = caller.scope().predicate("t", null, "filed_by");
        Map<String, Object> params = new LinkedHashMap<>(visible.parameters());
        params.put("id", id);
        return jdbc.sql(SELECT + " t where t.id = :id and " + visible.sql()).params(params)
                .query(this::view).optional().orElseThrow(() -> ProblemException.notFound("complaint"));
    }

    private UUID institution(Input input, String raw) {
        if (raw == null || raw.isBlank()) {
            input.fail("institutionId", "required");
            return null;
        }
        try {
            UUID id = UUID.fromString(raw.strip());
            if (directory.lender(id).isEmpty()) {
                input.fail("institutionId", "unknown");
                return null;
            }
            return id;
        } catch (IllegalArgumentException e) {
            input.fail("institutionId", "format");
            return null;
        }
    }

    private void event(UUID institution, UUID complaint, String action, String note, CurrentUser actor, Instant at) {
        jdbc.sql("""
                insert into supervision_complaint_event (id, institution_id, complaint_id, action, note, actor_id, actor_name, at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), institution, complaint, action, note, actor.userId(), Names.of(actor),
                        Timestamp.from(at)).update();
    }

    private ComplaintView view(ResultSet rs, int n) throws SQLException {
        UUID institution = rs.getObject("institution_id", UUID.class);
        LocalDate due = rs.getObject("response_due", LocalDate.class);
        String status = rs.getString("status");
        boolean overdue = Status.ROUTED.name().equals(status) && due.isBefore(registry.today(institution));
        return new ComplaintView(rs.getObject("id", UUID.class), institution, rs.getString("reference"),
                rs.getString("channel"), rs.getString("category"), rs.getString("subject"), rs.getString("description"),
                rs.getString("complainant_name"), rs.getString("filed_by_name"), instant(rs, "filed_at"),
                rs.getObject("filed_on", LocalDate.class), due, overdue, status, rs.getString("response"),
                rs.getString("responded_by_name"), instant(rs, "responded_at"), rs.getString("outcome"),
                rs.getString("resolution"), rs.getString("resolved_by_name"), instant(rs, "resolved_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
