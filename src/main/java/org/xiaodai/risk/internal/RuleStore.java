package org.xiaodai.risk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiaodai.risk.domain.Rule;

/** Rule versions in SQL: readable by every transaction, added only region-wide (the database says so too). */
@Repository
class RuleStore {

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored version with who added it and when. */
    record Stored(Rule rule, String changedBy, Instant changedAt) {
    }

    List<Rule> all() {
        return jdbc.sql("select * from risk_rule order by code, version").query(RuleStore::rule).list();
    }

    List<Stored> history() {
        return jdbc.sql("select * from risk_rule order by code, version desc")
                .query((rs, n) -> new Stored(rule(rs, n), rs.getString("changed_by_name"),
                        rs.getTimestamp("changed_at").toInstant())).list();
    }

    int latestVersion(String code) {
        return jdbc.sql("select coalesce(max(version), 0) from risk_rule where code = ?").param(code)
                .query(Integer.class).single();
    }

    boolean exists(String code) {
        return latestVersion(code) > 0;
    }

    void insert(Rule r, String changedBy, Instant at) {
        jdbc.sql("""
                insert into risk_rule (id, code, version, indicator, comparator, threshold, severity, scope, scope_institution,
                    effective_from, enabled, changed_by_name, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.code(), r.version(), r.indicator(), r.comparator().name(), r.threshold(),
                        r.severity().name(), r.scope().name(), r.scopeInstitution(), r.effectiveFrom(), r.enabled(),
                        changedBy, Timestamp.from(at))
                .update();
    }

    static Rule rule(ResultSet rs, int n) throws SQLException {
        return new Rule(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("version"),
                rs.getString("indicator"), Rule.Comparison.valueOf(rs.getString("comparator")), rs.getBigDecimal("threshold"),
                Rule.Severity.valueOf(rs.getString("severity")), Rule.Scope.valueOf(rs.getString("scope")),
                rs.getObject("scope_institution", UUID.class), rs.getObject("effective_from", LocalDate.class),
                rs.getBoolean("enabled"));
    }
}
