package org.xiaodai.audit;

import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditTrailIntegrationTest {

    @LocalServerPort
    int port;
    JdbcClient jdbc;

    DataSource superuserDataSource;

    /** As the cluster's superuser: tests arrange and inspect rows on both sides of the tenant wall. */
    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.superuserDataSource = superuser;
        this.jdbc = JdbcClient.create(superuser);
    }
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void recordsWhoWhatWhenWhereAndTheStateOfEveryChange() {
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        Api.Response created = api.post("/api/v1/users", admin, Map.of("username", "audited-" + suffix(),
                "displayName", "审计", "dataScope", "OWN", "initialPassword", "Audit@2026xy"));
        String userId = created.json().get("id").asString();

        Map<String, Object> entry = jdbc.sql("select * from audit_entry where action = 'iam.user.created' and entity_id = ?")
                .param(userId).query().singleRow();
        assertThat(entry.get("actor_name")).isEqualTo("a-admin");
        assertThat(entry.get("client_address")).isEqualTo("127.0.0.1");
        assertThat(entry.get("occurred_at")).isNotNull();
        assertThat((String) entry.get("after_state")).contains("audited-").doesNotContain("Audit@2026xy");
        assertThat(entry.get("institution_id")).isNotNull();
    }

    @Test
    void loginsAndFailedLoginsAreOnTheRecord() {
        String userId = jdbc.sql("select id from iam_user where username = 'a-risk'").query(String.class).single();
        long before = count("iam.login.failed", userId);
        api.post("/api/v1/auth/token", null, Map.of("username", "a-risk", "password", "Wrong@2026x"));
        assertThat(count("iam.login.failed", userId)).isEqualTo(before + 1);
        long successes = count("iam.login.succeeded", userId);
        api.token("a-risk", Api.DEMO_PASSWORD);
        assertThat(count("iam.login.succeeded", userId)).isEqualTo(successes + 1);
        assertThat(jdbc.sql("select count(*) from audit_entry where after_state like '%Wrong@2026x%'").query(Long.class).single())
                .as("passwords never reach the audit trail").isZero();
    }

    private long count(String action, String entityId) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and entity_id = ?").params(action, entityId)
                .query(Long.class).single();
    }

    @Test
    void theApplicationsConnectionCannotUpdateOrDeleteEntries() {
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor_name = 'x' where seq = 1").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where seq = 1").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void verificationNamesExactlyTheEntryASuperuserTamperedWith() throws Exception {
        String admin = api.token("admin", Api.ADMIN_PASSWORD);
        assertThat(api.get("/api/v1/audit/verify", admin).json().get("ok").asBoolean()).isTrue();

        long victim = jdbc.sql("select seq from audit_entry where action = 'iam.user.created' order by seq limit 1 offset 2")
                .query(Long.class).single();
        String victimId = jdbc.sql("select id from audit_entry where seq = ?").param(victim).query(String.class).single();
        String originalActor = jdbc.sql("select actor_name from audit_entry where seq = ?").param(victim)
                .query(String.class).single();
        try {
            asSuperuser("update audit_entry set actor_name = 'mallory' where seq = " + victim);

            JsonNode report = api.get("/api/v1/audit/verify", admin).json();
            assertThat(report.get("ok").asBoolean()).isFalse();
            assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(victim);
            assertThat(report.get("firstBrokenId").asString()).isEqualTo(victimId);
            assertThat(report.get("reason").asString()).isEqualTo("hashMismatch");
        } finally {
            asSuperuser("update audit_entry set actor_name = '" + originalActor.replace("'", "''") + "' where seq = " + victim);
        }
        assertThat(api.get("/api/v1/audit/verify", admin).json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void regulatorAndAdminsReadEntriesButOfficersMayNot() {
        assertThat(api.get("/api/v1/audit/entries", api.token("a-officer", Api.DEMO_PASSWORD)).status()).isEqualTo(403);
        JsonNode own = api.get("/api/v1/audit/entries?limit=500", api.token("b-admin", Api.DEMO_PASSWORD)).json();
        String nbxd = jdbc.sql("select id from iam_organisation where code = 'NBXD'").query(String.class).single();
        own.forEach(e -> assertThat(e.get("institutionId").asString()).isEqualTo(nbxd));
        assertThat(api.get("/api/v1/audit/entries", api.token("regulator", Api.DEMO_PASSWORD)).status()).isEqualTo(200);
    }

    /** A second connection as the database superuser, with triggers off: what an intruder with DBA rights could do. */
    private void asSuperuser(String sql) throws Exception {
        try (Connection superuser = superuserDataSource.getConnection();
             var statement = superuser.createStatement()) {
            statement.execute("set session_replication_role = replica; " + sql);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
