package org.xiaodai.audit;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail in the shared application context. Tests that tamper with the trail as a
 * superuser put every row back before they end, so the region-wide chain other test classes
 * verify is intact again whatever the order.
 */
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

    @Autowired
    AuditTrail audit;
    @Autowired
    PlatformTransactionManager transactionManager;
    /** The application's own connection (xiaodai_app), bound by the tenant wall. */
    @Autowired
    JdbcClient appJdbc;

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
    void theApplicationsConnectionCannotUpdateOrDeleteSeals() {
        assertThatThrownBy(() -> jdbc.sql("update audit_seal set hash = repeat('0', 64) where position = 1").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_seal where position = 1").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_seal").update())
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void verificationNamesExactlyTheEntryASuperuserTamperedWith() throws Exception {
        String admin = api.token("admin", Api.ADMIN_PASSWORD);
        long before = entries();
        JsonNode intact = api.get("/api/v1/audit/verify", admin).json();
        assertThat(intact.get("ok").asBoolean()).isTrue();
        // listeners of earlier tests and the demo may still be writing: the chain walked lies between
        assertThat(intact.get("entriesChecked").asLong()).as("a chain was walked, not an empty list")
                .isPositive().isBetween(before, entries());

        Map<String, Object> victim = jdbc.sql("""
                select s.position, e.seq, e.id::text as id, e.actor_name from audit_entry e
                join audit_seal s on s.entry_seq = e.seq
                where e.action = 'iam.user.created' order by s.position limit 1 offset 2""").query().singleRow();
        long seq = (Long) victim.get("seq");
        try {
            asSuperuser("update audit_entry set actor_name = 'mallory' where seq = " + seq);

            JsonNode report = api.get("/api/v1/audit/verify", admin).json();
            assertThat(report.get("ok").asBoolean()).isFalse();
            assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(seq);
            assertThat(report.get("firstBrokenId").asString()).isEqualTo(victim.get("id"));
            assertThat(report.get("reason").asString()).isEqualTo("hashMismatch");
            assertThat(report.get("entriesChecked").asLong()).isEqualTo((Long) victim.get("position"));
        } finally {
            asSuperuser("update audit_entry set actor_name = '" + ((String) victim.get("actor_name")).replace("'", "''")
                    + "' where seq = " + seq);
        }
        assertThat(api.get("/api/v1/audit/verify", admin).json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void verificationNamesASealedEntryASuperuserDeleted() throws Exception {
        String admin = api.token("admin", Api.ADMIN_PASSWORD);
        assertThat(api.get("/api/v1/audit/verify", admin).json().get("ok").asBoolean()).isTrue();
        Map<String, Object> victim = jdbc.sql("select entry_seq, entry_id::text as id from audit_seal order by position limit 1 offset 3")
                .query().singleRow();
        long seq = (Long) victim.get("entry_seq");
        try (Connection superuser = superuserDataSource.getConnection(); Statement sql = superuser.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("create temporary table deleted_entry as select * from audit_entry where seq = " + seq);
            sql.execute("delete from audit_entry where seq = " + seq);
            try {
                JsonNode report = api.get("/api/v1/audit/verify", admin).json();
                assertThat(report.get("ok").asBoolean()).isFalse();
                assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(seq);
                assertThat(report.get("firstBrokenId").asString()).isEqualTo(victim.get("id"));
                assertThat(report.get("reason").asString()).isEqualTo("entryMissing");
            } finally {
                sql.execute("insert into audit_entry overriding system value select * from deleted_entry");
            }
        }
        assertThat(api.get("/api/v1/audit/verify", admin).json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void institutionAndPlatformWritesInterleaveInOneRegionWideChain() {
        String institutionAdmin = api.token("a-admin", Api.DEMO_PASSWORD);
        api.post("/api/v1/users", institutionAdmin, Map.of("username", "chained-" + suffix(),
                "displayName", "链", "dataScope", "OWN", "initialPassword", "Audit@2026xy"));
        String platformAdmin = api.token("admin", Api.ADMIN_PASSWORD);

        for (String caller : new String[] {platformAdmin, institutionAdmin, api.token("regulator", Api.DEMO_PASSWORD)}) {
            long before = entries();
            JsonNode report = api.get("/api/v1/audit/verify", caller).json();
            assertThat(report.get("ok").asBoolean()).as("verified by every viewer as the whole chain").isTrue();
            assertThat(report.get("entriesChecked").asLong()).as("the whole chain, whatever was written meanwhile")
                    .isBetween(before, entries());
        }
    }

    @Test
    void committedEntriesJoinTheChainWithoutAnyoneVerifying() {
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        String userId = api.post("/api/v1/users", admin, Map.of("username", "sealed-" + suffix(),
                "displayName", "封存", "dataScope", "OWN", "initialPassword", "Audit@2026xy")).json().get("id").asString();
        long seq = jdbc.sql("select seq from audit_entry where action = 'iam.user.created' and entity_id = ?")
                .param(userId).query(Long.class).single();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                jdbc.sql("select count(*) from audit_seal where entry_seq = ?").param(seq).query(Long.class).single() == 1);
    }

    @Test
    void recordingJoinsTheCallersTransactionAndRollsBackWithIt() {
        String marker = "rolled-back-" + suffix();
        assertThatThrownBy(() -> audit.record(AuditRecord.created("test.probe", "probe", marker, null, Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class);

        TenantWall.regionWide(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            audit.record(AuditRecord.created("test.probe", "probe", marker, null, Map.of()));
            tx.setRollbackOnly();
        }));

        assertThat(audit.verify().ok()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = ?").param(marker).query(Long.class).single())
                .isZero();
    }

    @Test
    void entriesOfOneTransactionCommitTogetherInRecordingOrderEachUnderItsOwnWall() {
        UUID institution = jdbc.sql("select id from iam_organisation where code = 'NBXD'").query(UUID.class).single();
        String marker = "batched-" + suffix();
        TenantWall.asInstitution(institution, () -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            audit.record(AuditRecord.created("test.probe.1", "probe", marker, institution, Map.of()));
            audit.record(AuditRecord.created("test.probe.2", "probe", marker, institution, Map.of()));
            // another institution's entry is only writable region-wide, as it was when recorded
            TenantWall.regionWide(() -> audit.record(AuditRecord.created("test.probe.3", "probe", marker,
                    UUID.randomUUID(), Map.of())));
            audit.record(AuditRecord.created("test.probe.4", "probe", marker, null, Map.of()));
        }));
        assertThat(jdbc.sql("select action from audit_entry where entity_id = ? order by seq").param(marker)
                .query(String.class).list()).containsExactly("test.probe.1", "test.probe.2", "test.probe.3", "test.probe.4");
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void anEntryRecordedUnderAnInstitutionsWallForAnotherInstitutionFailsTheTransaction() {
        UUID institution = jdbc.sql("select id from iam_organisation where code = 'NBXD'").query(UUID.class).single();
        String marker = "refused-" + suffix();
        assertThatThrownBy(() -> TenantWall.asInstitution(institution, () -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(tx -> {
                    audit.record(AuditRecord.created("test.probe", "probe", marker, institution, Map.of()));
                    audit.record(AuditRecord.created("test.probe", "probe", marker, UUID.randomUUID(), Map.of()));
                }))).rootCause().hasMessageContaining("row-level security");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = ?").param(marker).query(Long.class).single())
                .isZero();
    }

    @Test
    void aTransactionWorkingForOneInstitutionNeitherSeesNorWritesTheChain() {
        UUID institution = jdbc.sql("select id from iam_organisation where code = 'NBXD'").query(UUID.class).single();
        TenantWall.asInstitution(institution, () -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            assertThat(appJdbc.sql("select count(*) from audit_seal").query(Long.class).single()).isZero();
            assertThatThrownBy(() -> appJdbc.sql("""
                    insert into audit_seal (entry_seq, entry_id, prev_hash, hash, sealed_below, sealed_at)
                    values (-1, gen_random_uuid(), repeat('0', 64), repeat('0', 64), '0', now())""").update())
                    .rootCause().hasMessageContaining("row-level security");
            tx.setRollbackOnly();
        }));
    }

    @Test
    void regulatorAndAdminsReadEntriesButOfficersMayNot() {
        assertThat(api.get("/api/v1/audit/entries", api.token("a-officer", Api.DEMO_PASSWORD)).status()).isEqualTo(403);
        JsonNode own = api.get("/api/v1/audit/entries?limit=500", api.token("b-admin", Api.DEMO_PASSWORD)).json();
        String nbxd = jdbc.sql("select id from iam_organisation where code = 'NBXD'").query(String.class).single();
        assertThat(own.size()).as("b-admin's own sign-in at least").isPositive();
        own.forEach(e -> assertThat(e.get("institutionId").asString()).isEqualTo(nbxd));
        Api.Response regulator = api.get("/api/v1/audit/entries", api.token("regulator", Api.DEMO_PASSWORD));
        assertThat(regulator.status()).isEqualTo(200);
        assertThat(regulator.json().size()).isPositive();
    }

    private long entries() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
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
