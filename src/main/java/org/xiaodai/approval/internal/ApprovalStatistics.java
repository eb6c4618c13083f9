package org.xiaodai.approval.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval statistics over the cases submitted in a period, inside the caller's tenant wall (an
 * institution sees its own; the regulator the region's): approval rate, time per level, time from
 * submission to decision, SLA breaches.
 */
@Component
public class ApprovalStatistics {

    private final JdbcClient jdbc;
    private final Clock clock;

    ApprovalStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param cases          cases submitted in the period
     * @param decided        of them, approved or declined
     * @param approved       of them, approved
     * @param approvalRate   approved / decided, 4 decimals; null when nothing was decided
     * @param automatic      decided by the matrix alone
     * @param medianHoursToDecision median hours from submission to the final decision
     * @param hoursPerLevel  level → average hours from a task's creation to its decision
     * @param slaBreaches    tasks decided after, or still open past, their due time
     */
    public record Figures(Instant from, Instant to, int cases, int decided, int approved,
                          java.math.@org.jspecify.annotations.Nullable BigDecimal approvalRate,
                          int automatic, java.math.@org.jspecify.annotations.Nullable BigDecimal medianHoursToDecision, Map<String, BigDecimal> hoursPerLevel,
                          int slaBreaches) {
    }

    @Transactional(readOnly = true)
    public Figures figures(Instant from, Instant to) {
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        record Counts(int cases, int decided, int approved, int automatic, BigDecimal medianHours) {
        }
        Counts counts = jdbc.sql("""
                select count(*),
                       count(*) filter (where status in ('APPROVED', 'DECLINED')),
                       count(*) filter (where status = 'APPROVED'),
                       count(*) filter (where status in ('APPROVED', 'DECLINED') and route in ('AUTO_APPROVE', 'AUTO_DECLINE')),
                       percentile_cont(0.5) within group (order by extract(epoch from decided_at - submitted_at) / 3600)
                           filter (where status in ('APPROVED', 'DECLINED'))
                from approval_case where submitted_at >= ? and submitted_at < ?""")
                .params(f, t).query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getBigDecimal(5))).single();
        Map<String, BigDecimal> perLevel = new LinkedHashMap<>();
        jdbc.sql("""
                select t.level, avg(extract(epoch from t.done_at - t.created_at) / 3600)
                from approval_task t join approval_case c on c.id = t.case_id
                where t.status = 'DONE' and c.submitted_at >= ? and c.submitted_at < ?
                group by t.level order by t.level""")
                .params(f, t).query((rs, n) -> perLevel.put(rs.getString(1),
                        rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP))).list();
        int breaches = jdbc.sql("""
                select count(*) from approval_task t join approval_case c on c.id = t.case_id
                where c.submitted_at >= ? and c.submitted_at < ?
                  and (t.escalated_at is not null or t.done_at > t.due_at or (t.status = 'OPEN' and t.due_at < ?))""")
                .params(f, t, Timestamp.from(clock.instant())).query(Integer.class).single();
        BigDecimal rate = counts.decided() == 0 ? null
                : BigDecimal.valueOf(counts.approved()).divide(BigDecimal.valueOf(counts.decided()), 4, RoundingMode.HALF_UP);
        BigDecimal median = counts.medianHours() == null ? null : counts.medianHours().setScale(2, RoundingMode.HALF_UP);
        return new Figures(from, to, counts.cases(), counts.decided(), counts.approved(), rate, counts.automatic(), median,
                perLevel, breaches);
    }
}
