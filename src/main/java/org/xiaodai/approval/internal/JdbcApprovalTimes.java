package org.xiaodai.approval.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.approval.ApprovalTimes;

/** {@link ApprovalTimes} over {@code approval_case}. */
@Component
class JdbcApprovalTimes implements ApprovalTimes {

    private final JdbcClient jdbc;

    JdbcApprovalTimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Decided decided(UUID institutionId, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*), coalesce(sum(extract(epoch from decided_at - submitted_at) / 3600), 0) from approval_case
                where institution_id = ? and status in ('APPROVED', 'DECLINED') and decided_at >= ? and decided_at < ?""")
                .params(institutionId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Decided(rs.getLong(1), rs.getBigDecimal(2))).single();
    }
}
