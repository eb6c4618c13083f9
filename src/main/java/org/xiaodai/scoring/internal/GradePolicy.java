package org.xiaodai.scoring.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.tx.ReferenceCache;
import org.xiaodai.shared.tx.ReferenceVersion;

/**
 * The institution's grade table (评级表): a PD up to {@code maxPd} gets the grade, with the
 * recommended limit and annual rate band of that grade. Seeded with defaults at registration;
 * data, not code, so each institution can change it.
 */
@Component
public class GradePolicy {

    /** One row of the table. */
    public record Grade(String grade, BigDecimal maxPd, BigDecimal limit, String currency, BigDecimal rateFromPercent,
            BigDecimal rateToPercent) {
    }

    /** Defaults: A ≤ 5 %, B ≤ 10 %, C ≤ 20 %, D ≤ 35 %, E above (no offer); rates within 4 × LPR. */
    static final List<Grade> DEFAULTS = List.of(
            grade("A", "0.05", "200000.00", "6.0000", "7.2000"),
            grade("B", "0.10", "100000.00", "7.2000", "8.4000"),
            grade("C", "0.20", "50000.00", "8.4000", "10.0000"),
            grade("D", "0.35", "20000.00", "10.0000", "12.0000"),
            grade("E", "1.00", "0.00", "12.0000", "12.0000"));

    private final JdbcClient jdbc;

    GradePolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The tables by the tenant wall they were read through, kept across transactions under the reference
     * version (a trigger on {@code scoring_grade_policy} bumps it).
     */
    private static final ReferenceCache<TenantWall.Setting, List<Grade>> TABLES = new ReferenceCache<>("grade policy", 10_000);

    /** The caller's table, best grade first. */
    public List<Grade> table() {
        return TABLES.get(TenantWall.current(), wall -> List.copyOf(jdbc.sql("""
                select grade, max_pd, limit_amount, currency, rate_from_percent, rate_to_percent
                from scoring_grade_policy order by grade""")
                .query((rs, n) -> new Grade(rs.getString("grade"), rs.getBigDecimal("max_pd"), rs.getBigDecimal("limit_amount"),
                        rs.getString("currency"), rs.getBigDecimal("rate_from_percent"), rs.getBigDecimal("rate_to_percent")))
                .list()));
    }

    /** @return the first grade whose PD bound holds {@code pd}, else the last */
    static Grade gradeOf(List<Grade> table, BigDecimal pd) {
        List<Grade> t = table.isEmpty() ? DEFAULTS : table;
        for (Grade g : t) {
            if (pd.compareTo(g.maxPd()) <= 0) {
                return g;
            }
        }
        return t.get(t.size() - 1);
    }

    void seedDefaults(UUID institutionId) {
        ReferenceVersion.changedHere();
        for (Grade g : DEFAULTS) {
            jdbc.sql("""
                    insert into scoring_grade_policy (id, institution_id, grade, max_pd, limit_amount, currency,
                        rate_from_percent, rate_to_percent) values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (institution_id, grade) do nothing""")
                    .params(UUID.randomUUID(), institutionId, g.grade(), g.maxPd(), g.limit(), g.currency(),
                            g.rateFromPercent(), g.rateToPercent())
                    .update();
        }
    }

    private static Grade grade(String grade, String maxPd, String limit, String from, String to) {
        return new Grade(grade, new BigDecimal(maxPd), new BigDecimal(limit), "CNY", new BigDecimal(from), new BigDecimal(to));
    }
}
