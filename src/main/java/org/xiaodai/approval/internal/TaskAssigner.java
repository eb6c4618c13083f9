package org.xiaodai.approval.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.approval.domain.Assignment;
import org.xiaodai.approval.domain.Level;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.UserDirectory;

/**
 * Automatic assignment of a new task (authority matrix, per level): the pool is the institution's
 * enabled users holding the level's permission whose branch is the application's branch or one above
 * it (a user of the institution itself reaches every branch), less the maker and anyone who already
 * decided in the case. Round-robin takes the pool member after the level's previous automatic
 * assignee (pool ordered by display name, then id); by load takes the member with the fewest open
 * tasks assigned, ties in the round-robin order. One assignment at a time per institution and level
 * (a transaction-scoped advisory lock), so two submissions never both pick the same "next" member.
 * With an empty pool the task stays unassigned for anyone to claim.
 */
@Component
class TaskAssigner {

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final Clock clock;

    TaskAssigner(JdbcClient jdbc, UserDirectory users, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Assigns the just-opened task per {@code assignment}; returns the assignee, empty when it stays in the pool. */
    Optional<UUID> assign(UUID taskId, UUID caseId, UUID institutionId, UUID applicationId, Level level, String branchPath,
                          UUID makerId, Assignment assignment) {
        if (assignment == Assignment.CLAIM || level == Level.COMMITTEE) {
            return Optional.empty();
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("approval-assign:" + institutionId + ":" + level.name()).query((rs, n) -> 1).list();
        List<UUID> decided = jdbc.sql("select decided_by from approval_decision where case_id = ? and decided_by is not null")
                .param(caseId).query(UUID.class).list();
        List<UUID> pool = users.holders(level.permission()).stream()
                .filter(h -> !h.userId().equals(makerId) && !decided.contains(h.userId()))
                .filter(h -> h.branchPath() == null || branchPath != null && branchPath.startsWith(h.branchPath()))
                .map(UserDirectory.Holder::userId).toList();
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        UUID previous = jdbc.sql("""
                select assignee_id from approval_task where level = ? and assigned_by in ('ROUND_ROBIN', 'BY_LOAD')
                order by assigned_at desc limit 1""").param(level.name()).query(UUID.class).optional().orElse(null);
        List<UUID> order = rotation(pool, previous);
        UUID chosen = order.getFirst();
        if (assignment == Assignment.BY_LOAD) {
            Map<UUID, Integer> load = new java.util.HashMap<>();
            jdbc.sql("""
                    select assignee_id, count(*) from approval_task where status = 'OPEN' and assignee_id = any(?)
                    group by assignee_id""").param(pool.toArray(UUID[]::new))
                    .query(rs -> {
                        load.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    });
            for (UUID candidate : order) {
                if (load.getOrDefault(candidate, 0) < load.getOrDefault(chosen, 0)) {
                    chosen = candidate;
                }
            }
        }
        jdbc.sql("update approval_task set assignee_id = ?, assigned_by = ?, assigned_at = ? where id = ?")
                .params(chosen, assignment.name(), Timestamp.from(clock.instant()), taskId).update();
        audit.record(AuditRecord.changed("approval.task.assigned", "application", applicationId, institutionId,
                Map.of("assignee", "null"), Map.of("assignee", chosen.toString(), "level", level.name(),
                        "assignment", assignment.name())));
        return Optional.of(chosen);
    }

    /** The pool starting after {@code previous} (from the start when previous is not in it). */
    static List<UUID> rotation(List<UUID> pool, UUID previous) {
        int at = previous == null ? -1 : pool.indexOf(previous);
        List<UUID> out = new java.util.ArrayList<>(pool.size());
        for (int i = 1; i <= pool.size(); i++) {
            out.add(pool.get((at + i) % pool.size()));
        }
        return out;
    }
}
