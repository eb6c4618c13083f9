package org.xiaodai.iam.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.ChangeRequests;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.Permission;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;
import tools.jackson.databind.json.JsonMapper;

/** Maker-checker requests stored in {@code iam_change_request}. */
@Service
class JdbcChangeRequests implements ChangeRequests {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, ChangeHandler> handlers;

    JdbcChangeRequests(JdbcClient jdbc, AuditTrail audit, JsonMapper json, Clock clock, List<ChangeHandler> handlers) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(ChangeHandler::kind, Function.identity()));
    }

    @Override
    @Transactional
    public UUID submit(CurrentUser maker, UUID institutionId, String kind, String summary, Object payload) {
        if (!handlers.containsKey(kind)) {
            throw new IllegalArgumentException("No handler for change kind " + kind);
        }
        String payloadJson = json.writeValueAsString(payload);
        UUID id = jdbc.sql("""
                insert into iam_change_request (institution_id, kind, summary, payload, requested_by, requested_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?) returning id
                """).params(institutionId, kind, summary, payloadJson, maker.userId(), Timestamp.from(clock.instant()))
                .query(UUID.class).single();
        audit.record(AuditRecord.created("iam.change.submitted", "change-request", id, institutionId,
                Map.of("kind", kind, "summary", summary, "payload", payloadJson)));
        return id;
    }

    @Override
    @Transactional
    public ChangeRequestView approve(CurrentUser checker, UUID requestId, String note) {
        ChangeRequestView request = pendingForDecision(checker, requestId);
        UUID makerId = jdbc.sql("select requested_by from iam_change_request where id = ?").param(requestId)
                .query(UUID.class).single();
        handlers.get(request.kind()).apply(request.payload(), request.institutionId(), checker, makerId);
        return decide(checker, request, "APPROVED", note);
    }

    @Override
    @Transactional
    public ChangeRequestView reject(CurrentUser checker, UUID requestId, String note) {
        return decide(checker, pendingForDecision(checker, requestId), "REJECTED", note);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChangeRequestView> visibleTo(CurrentUser caller, boolean pendingOnly) {
        // the tenant wall limits the rows to the caller's institution (all of them region-wide)
        return jdbc.sql(SELECT + """
                 where (not :pending or c.status = 'PENDING')
                 order by c.requested_at desc limit 200
                """).param("pending", pendingOnly).query(JdbcChangeRequests::view).list();
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<ChangeRequestView> page(CurrentUser caller, boolean pendingOnly, ListQuery query) {
        return PagedQuery.over(jdbc, SELECT)
                .where("not :pending or t.status = 'PENDING'", Map.of("pending", pendingOnly))
                .search("t.summary", "t.maker", "t.checker")
                .sortable(Map.of("requestedAt", "t.requested_at", "status", "t.status", "kind", "t.kind",
                        "requestedBy", "t.maker"))
                .tieBreaker("t.id").fetch(query, JdbcChangeRequests::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Detail> details(CurrentUser viewer, ChangeRequestView request) {
        ChangeHandler handler = handlers.get(request.kind());
        if (handler == null) {
            return List.of();
        }
        try {
            return handler.describe(request.payload(), viewer);
        } catch (ProblemException hidden) {
            return List.of(); // a record the viewer may not see: the summary line must do
        }
    }

    @Override
    @Transactional(readOnly = true)
    public ChangeRequestView get(CurrentUser caller, UUID requestId) {
        return find(caller, requestId, "");
    }

    private ChangeRequestView find(CurrentUser caller, UUID requestId, String lock) {
        return jdbc.sql(SELECT + " where c.id = ?" + lock).param(requestId)
                .query(JdbcChangeRequests::view).optional()
                .orElseThrow(() -> ProblemException.notFound("change-request"));
    }

    private ChangeRequestView pendingForDecision(CurrentUser checker, UUID requestId) {
        ChangeRequestView request = find(checker, requestId, " for update of c");
        if (!checker.has(Permission.CHANGE_APPROVE)) {
            throw ProblemException.forbidden("forbidden");
        }
        if (!"PENDING".equals(request.status())) {
            throw ProblemException.conflict("change-already-decided");
        }
        if (request.requestedBy().equals(checker.username())) {
            throw ProblemException.forbidden("maker-cannot-check");
        }
        return request;
    }

    private ChangeRequestView decide(CurrentUser checker, ChangeRequestView request, String status, String note) {
        jdbc.sql("""
                update iam_change_request set status = ?, decided_by = ?, decided_at = ?, decision_note = ?,
                    version = version + 1 where id = ? and status = 'PENDING'
                """).params(status, checker.userId(), Timestamp.from(clock.instant()),
                note == null ? null : note.strip(), request.id()).update();
        ChangeRequestView after = jdbc.sql(SELECT + " where c.id = ?").param(request.id())
                .query(JdbcChangeRequests::view).single();
        audit.record(AuditRecord.changed("iam.change." + status.toLowerCase(java.util.Locale.ROOT), "change-request",
                request.id(), request.institutionId(), Map.of("status", request.status()), Map.of("status", status,
                        "note", note == null ? "" : note)));
        return after;
    }

    private static final String SELECT = """
            select c.*, m.username as maker, d.username as checker from iam_change_request c
            join iam_user m on m.id = c.requested_by left join iam_user d on d.id = c.decided_by
            """;

    private static ChangeRequestView view(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ChangeRequestView(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                rs.getString("kind"), rs.getString("summary"), rs.getString("payload"), rs.getString("status"),
                rs.getString("maker"), rs.getTimestamp("requested_at").toInstant(), rs.getString("checker"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_note"));
    }
}
