package org.xiaodai.supervision;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Supervision and risk records for tests: complaints and inspections through the API, alerts as a rule would raise them. */
public final class SupervisionFixtures {

    private SupervisionFixtures() {
    }

    /** A complaint the regulator routes to {@code institutionId}; its id. */
    public static String complaint(Api api, String regulatorToken, String institutionId) {
        Api.Response r = api.post("/api/v1/complaints", regulatorToken, Map.of("institutionId", institutionId,
                "category", "SERVICE", "subject", "测试投诉", "description", "测试描述", "complainantName", "测试投诉人"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** An inspection of {@code institutionId} the regulator records; its id. */
    public static String inspection(Api api, String regulatorToken, String institutionId) {
        Api.Response r = api.post("/api/v1/supervision/inspections", regulatorToken, Map.of("institutionId", institutionId,
                "kind", "OFF_SITE", "title", "测试检查", "startedOn", "2026-11-01"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /**
     * An open alert of {@code institutionId} written as the score-drift rule raises one (as the
     * cluster's superuser: the evaluation itself is tested in {@code EarlyWarningIntegrationTest}); its id.
     */
    public static String alert(JdbcClient superuser, String institutionId) {
        UUID id = UUID.randomUUID();
        superuser.sql("""
                insert into risk_alert (id, institution_id, rule_id, rule_code, indicator, severity, subject, subject_label,
                    as_of, value, threshold, status, raised_at)
                select ?, ?::uuid, r.id, r.code, r.indicator, r.severity, ?, '测试模型', current_date, 0.3, r.threshold, 'OPEN', now()
                from risk_rule r where r.code = 'score-drift' order by r.version desc limit 1""")
                .params(id, institutionId, "model:" + UUID.randomUUID()).update();
        return id.toString();
    }
}
