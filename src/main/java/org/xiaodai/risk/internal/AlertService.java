package org.xiaodai.risk.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.risk.AlertRaised;
import org.xiaodai.risk.EarlyWarnings;
import org.xiaodai.risk.Observation;
import org.xiaodai.risk.domain.Rule;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;

/**
 * Alerts (预警): raised by the rules through {@link #evaluate} (once per rule, subject and date), then
 * handled by the institution's risk staff or the regulator — acknowledged, assigned, resolved with a
 * note — every step in the alert's history and on the audit trail. Each new alert also lands in the
 * in-app inbox of the institution and of the regulator. Reads go through the tenant wall: another
 * institution's alert is a 404.
 */
@Service
public class AlertService implements EarlyWarnings {

    public static final ListQuery.Sorting SORTING = ListQuery.Sorting.by("raised", true, "raised", "severity", "status", "rule");

    @Schema(description = "An early-warning alert about one institution.")
    public record AlertView(UUID id, UUID institutionId, @Schema(example = "score-drift") String ruleCode,
                            @Schema(example = "score-psi") String indicator,
                            @Schema(allowableValues = {"INFO", "WARNING", "CRITICAL"}) String severity,
                            @Schema(example = "model:…") String subject, @Nullable String subjectLabel, LocalDate asOf,
                            @Schema(example = "0.31") String value, @Schema(example = "0.25") String threshold,
                            @Schema(allowableValues = {"OPEN", "ACKNOWLEDGED", "RESOLVED"}) String status,
                            @Nullable String assignee, Instant raisedAt, @Nullable Instant acknowledgedAt,
                            @Nullable Instant resolvedAt, @Nullable String resolutionNote) {
    }

    @Schema(description = "One step of an alert's history.")
    public record AlertEvent(@Schema(allowableValues = {"RAISED", "ACKNOWLEDGED", "ASSIGNED", "RESOLVED"}) String action,
                             @Nullable String note, String actor, Instant at) {
    }

    @Schema(description = "An alert with its history.")
    public record AlertDetail(AlertView alert, List<AlertEvent> history) {
    }

    /** A line of the in-app inbox. */
    public record Notification(UUID id, AlertView alert, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final RuleStore rules;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertService(JdbcClient jdbc, RuleStore rules, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<UUID> evaluate(Observation o) {
        Optional<Rule> firing = Rule.firing(Rule.inEffect(rules.all(), o.asOf()), o.indicator(), o.institutionId(), o.value());
        if (firing.isEmpty()) {
            return List.of();
        }
        Rule rule = firing.get();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int raised = jdbc.sql("""
                insert into risk_alert (id, institution_id, rule_id, rule_code, indicator, severity, subject, subject_label,
                    as_of, value, threshold, status, raised_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)
                on conflict (institution_id, rule_code, subject, as_of) do nothing""")
                .params(id, o.institutionId(), rule.id(), rule.code(), o.indicator(), rule.severity().name(), o.subject(),
                        o.subjectLabel(), o.asOf(), o.value(), rule.threshold(), Timestamp.from(now))
                .update();
        if (raised == 0) {
            return List.of();
        }
        event(o.institutionId(), id, "RAISED", rule.code() + " v" + rule.version(), null, "system", now);
        for (String audience : List.of("INSTITUTION", "REGULATOR")) {
            jdbc.sql("insert into risk_notification (id, institution_id, audience, alert_id, created_at) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), o.institutionId(), audience, id, Timestamp.from(now)).update();
        }
        audit.record(AuditRecord.created("risk.alert.raised", "risk-alert", id, o.institutionId(), Map.of(
                "rule", rule.code(), "indicator", o.indicator(), "subject", o.subject(), "asOf", o.asOf().toString(),
                "value", o.value().toPlainString(), "threshold", rule.threshold().toPlainString())));
        events.publishEvent(new AlertRaised(id, o.institutionId(), rule.code(), o.indicator(), rule.severity().name(),
                o.subject(), o.asOf(), o.value(), rule.threshold()));
        return List.of(id);
    }

    @Transactional
    public AlertView acknowledge(CurrentUser caller, UUID id, String note) {
        return transition(caller, id, "ACKNOWLEDGED", "status = 'OPEN'", optional("note", note),
                "acknowledged_at = :at");
    }

    @Transactional
    public AlertView resolve(CurrentUser caller, UUID id, String note) {
        String text = required("note", note);
        return transition(caller, id, "RESOLVED", "status <> 'RESOLVED'", text, "resolved_at = :at, resolution_note = :note");
    }

    @Transactional
    public AlertView assign(CurrentUser caller, UUID id, String assignee) {
        String name = required("assignee", assignee);
        AlertView before = get(caller, id);
        if ("RESOLVED".equals(before.status())) {
            throw ProblemException.conflict("invalid-state");
        }
        Instant now = clock.instant();
        jdbc.sql("update risk_alert set assignee_name = ?, assignee_id = ?, version = version + 1 where id = ?")
                .params(name, name.equals(actor(caller)) ? caller.userId() : null, id).update();
        event(before.institutionId(), id, "ASSIGNED", name, caller.userId(), actor(caller), now);
        audit.record(AuditRecord.changed("risk.alert.assigned", "risk-alert", id, before.institutionId(),
                before.assignee() == null ? Map.of() : Map.of("assignee", before.assignee()), Map.of("assignee", name)));
        return get(caller, id);
    }

    private AlertView transition(CurrentUser caller, UUID id, String status, String allowedFrom, String note, String set) {
        AlertView before = get(caller, id);
        Instant now = clock.instant();
        int changed = jdbc.sql("update risk_alert set status = :status, " + set + ", version = version + 1 where id = :id and "
                        + allowedFrom)
                .param("status", status).param("at", Timestamp.from(now)).param("note", note).param("id", id).update();
        if (changed == 0) {
            throw ProblemException.conflict("invalid-state");
        }
        event(before.institutionId(), id, status, note, caller.userId(), actor(caller), now);
        audit.record(AuditRecord.changed("risk.alert." + status.toLowerCase(Locale.ROOT), "risk-alert", id,
                before.institutionId(), Map.of("status", before.status()), note == null ? Map.of("status", status)
                        : Map.of("status", status, "note", note)));
        return get(caller, id);
    }

    /** One page of the alerts the caller's tenant wall shows, optionally of one status and severity. */
    @Transactional(readOnly = true)
    public PageResult<AlertView> page(CurrentUser caller, ListQuery query, String status, String severity) {
        return page(caller, query, status, severity, null);
    }

    /**
     * Like {@link #page(CurrentUser, ListQuery, String, String)}, optionally of one institution (the
     * regulator's overview links each institution to its alerts); the tenant wall still applies, so an
     * institution naming another one's id sees nothing.
     */
    @Transactional(readOnly = true)
    public PageResult<AlertView> page(CurrentUser caller, ListQuery query, String status, String severity,
                                      java.util.@org.jspecify.annotations.Nullable UUID institution) {
        return PagedQuery.over(jdbc, "select * from risk_alert")
                .whereIf(institution, "t.institution_id = :institution", "institution")
                .whereIf(upper(status), "t.status = :status", "status")
                .whereIf(upper(severity), "t.severity = :severity", "severity")
                .search("t.rule_code", "t.subject_label", "t.indicator")
                .sortable(Map.of("raised", "t.raised_at", "severity",
                        "case t.severity when 'CRITICAL' then 3 when 'WARNING' then 2 else 1 end", "status", "t.status",
                        "rule", "t.rule_code"))
                .tieBreaker("t.id")
                .fetch(query, AlertService::view);
    }

    @Transactional(readOnly = true)
    public AlertView get(CurrentUser caller, UUID id) {
        return jdbc.sql("select * from risk_alert where id = ?").param(id).query(AlertService::view).optional()
                .orElseThrow(() -> ProblemException.notFound("alert"));
    }

    @Transactional(readOnly = true)
    public AlertDetail detail(CurrentUser caller, UUID id) {
        AlertView alert = get(caller, id);
        List<AlertEvent> history = jdbc.sql("select action, note, actor_name, at from risk_alert_event where alert_id = ? order by at, action")
                .param(id).query((rs, n) -> new AlertEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
        return new AlertDetail(alert, history);
    }

    /** Open (not resolved) alerts the caller sees, by severity. */
    @Transactional(readOnly = true)
    public Map<String, Long> openBySeverity(CurrentUser caller) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String s : List.of("CRITICAL", "WARNING", "INFO")) {
            counts.put(s, 0L);
        }
        jdbc.sql("select severity, count(*) from risk_alert where status <> 'RESOLVED' group by severity")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Open alerts per institution the caller sees. */
    @Transactional(readOnly = true)
    public Map<UUID, Long> openByInstitution(CurrentUser caller) {
        Map<UUID, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select institution_id, count(*) from risk_alert where status <> 'RESOLVED' group by institution_id")
                .query(rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return counts;
    }

    /** The caller's unread inbox: the regulator's side or the institution's, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> inbox(CurrentUser caller, int limit) {
        return jdbc.sql("""
                select n.id as notification_id, n.created_at as notified_at, a.* from risk_notification n
                join risk_alert a on a.id = n.alert_id where n.audience = ? and n.read_at is null
                order by n.created_at desc limit ?""")
                .params(audience(caller), Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new Notification(rs.getObject("notification_id", UUID.class), view(rs, n),
                        rs.getTimestamp("notified_at").toInstant())).list();
    }

    @Transactional
    public int markInboxRead(CurrentUser caller) {
        return jdbc.sql("update risk_notification set read_at = ?, read_by_name = ? where audience = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), actor(caller), audience(caller)).update();
    }

    private static String audience(CurrentUser caller) {
        return caller.isRegulator() || caller.isPlatform() ? "REGULATOR" : "INSTITUTION";
    }

    private void event(UUID institution, UUID alert, String action, String note, UUID actorId, String actor, Instant at) {
        jdbc.sql("""
                insert into risk_alert_event (id, institution_id, alert_id, action, note, actor_id, actor_name, at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), institution, alert, action, note, actorId, actor, Timestamp.from(at)).update();
    }

    private static String actor(CurrentUser caller) {
        return caller.displayName() == null || caller.displayName().isBlank() ? caller.username() : caller.displayName();
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String required(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw ProblemException.invalid(List.of(FieldProblem.of(field, "required")));
        }
        if (v.length() > 2000) {
            throw ProblemException.invalid(List.of(FieldProblem.of(field, "size", 1, 2000)));
        }
        return v;
    }

    private static String optional(String field, String value) {
        return value == null || value.isBlank() ? null : required(field, value);
    }

    static AlertView view(ResultSet rs, int n) throws SQLException {
        return new AlertView(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                rs.getString("rule_code"), rs.getString("indicator"), rs.getString("severity"), rs.getString("subject"),
                rs.getString("subject_label"), rs.getObject("as_of", LocalDate.class), plain(rs.getBigDecimal("value")),
                plain(rs.getBigDecimal("threshold")), rs.getString("status"), rs.getString("assignee_name"),
                rs.getTimestamp("raised_at").toInstant(), instant(rs, "acknowledged_at"), instant(rs, "resolved_at"),
                rs.getString("resolution_note"));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
