package org.xiaodai.platform.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tenant wall lives in PostgreSQL: what the application's own connection sees when a query
 * forgets every scope predicate, when no tenant is set at all, and after a pooled connection was
 * used for another institution; and which database role it connects as.
 */
@IntegrationTest
class TenantWallIntegrationTest {

    /** Tenant-owned tables the demo region fills, each read below with no predicate at all. */
    private static final List<String> DEMO_FILLED = List.of("iam_user", "iam_branch", "iam_user_role",
            "eod_business_date", "audit_entry");

    @Autowired
    DataSource app;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EmbeddedPostgres postgres;
    JdbcClient appJdbc;
    JdbcClient superuser;
    UUID hzxd;
    UUID nbxd;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @BeforeEach
    void setUp() {
        appJdbc = JdbcClient.create(app);
        hzxd = institution("HZXD");
        nbxd = institution("NBXD");
    }

    @Test
    void everyTableWithAnInstitutionColumnHasAForcedTenantPolicy() {
        List<String> tables = superuser.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                  and (exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'institution_id'
                               and not a.attisdropped) or c.relname = 'iam_organisation')
                order by 1""").query(String.class).list();
        assertThat(tables).contains("iam_user", "iam_api_token", "audit_entry", "eod_business_date", "iam_organisation");
        for (String table : tables) {
            var wall = superuser.sql("""
                    select c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
                           exists (select from pg_policies p where p.tablename = c.relname and p.policyname = 'tenant_institution'
                                   and 'public' = any (p.roles)) as institution_policy,
                           exists (select from pg_policies p where p.tablename = c.relname and p.policyname = 'tenant_region'
                                   and 'xiaodai_region' = any (p.roles)) as region_policy
                    from pg_class c where c.relname = ? and c.relnamespace = 'public'::regnamespace""")
                    .param(table).query((rs, n) -> List.of(rs.getBoolean("enabled"), rs.getBoolean("forced"),
                            rs.getBoolean("institution_policy"), rs.getBoolean("region_policy"))).single();
            assertThat(wall).as("%s: row level security enabled, forced, tenant_institution and tenant_region policies",
                    table).containsOnly(true);
        }
    }

    @Test
    void aQueryWithNoScopePredicateSeesOnlyTheCurrentInstitution() {
        for (String table : DEMO_FILLED) {
            List<UUID> seen = TenantWall.asInstitution(hzxd, () -> transactions.execute(tx -> appJdbc.sql(
                    "select institution_id from " + table).query(UUID.class).list()));
            assertThat(seen).as(table).isNotEmpty().containsOnly(hzxd);
            assertThat(superuser.sql("select count(*) from " + table + " where institution_id = ?").param(nbxd)
                    .query(Long.class).single()).as(table + " has rows of the other institution").isPositive();
        }
        List<UUID> organisations = TenantWall.asInstitution(hzxd, () -> transactions.execute(tx -> appJdbc.sql(
                "select id from iam_organisation").query(UUID.class).list()));
        assertThat(organisations).containsExactly(hzxd);
    }

    @Test
    void regionWideWorkSeesEveryInstitution() {
        Set<UUID> seen = TenantWall.regionWide(() -> transactions.execute(tx -> new HashSet<>(appJdbc.sql(
                "select institution_id from iam_user where institution_id is not null").query(UUID.class).list())));
        assertThat(seen).contains(hzxd, nbxd);
    }

    @Test
    void withNoTenantSetNothingTenantOwnedIsVisible() {
        for (String table : DEMO_FILLED) {
            assertThat(appJdbc.sql("select count(*) from " + table).query(Long.class).single())
                    .as(table + " outside a transaction").isZero();
            assertThat(count(() -> transactions.execute(tx -> appJdbc.sql("select count(*) from " + table).query(Long.class).single())))
                    .as(table + " in a transaction with no caller").isZero();
        }
    }

    /** A check riding in the setting statement (the bearer-token check of API reads) is answered once, by the first transaction. */
    @Test
    void aRiderIsEvaluatedInTheFirstTransactionsSettingStatementAndOnlyThere() {
        List<Boolean> answers = new java.util.ArrayList<>();
        TenantWall.Rider rider = new TenantWall.Rider() {
            @Override
            public String sql() {
                return "(? = current_setting('" + TenantWall.INSTITUTION_SETTING + "'))";
            }

            @Override
            public int parameterCount() {
                return 1;
            }

            @Override
            public void bind(java.sql.PreparedStatement statement, int firstIndex) throws java.sql.SQLException {
                statement.setString(firstIndex, hzxd.toString());
            }

            @Override
            public void answer(boolean value) {
                answers.add(value);
            }
        };
        Long users = TenantWall.asInstitution(hzxd, () -> TenantWall.withRider(rider, () -> transactions.execute(tx -> {
            assertThat(answers).as("answered when the transaction began, with the setting applied").containsExactly(true);
            transactions.execute(inner -> null);
            TenantWall.regionWide(() -> transactions.execute(inner -> null));
            return appJdbc.sql("select count(*) from iam_user where institution_id = ?").param(nbxd).query(Long.class).single();
        })));
        assertThat(users).as("the rider changes nothing about the wall").isZero();
        TenantWall.asInstitution(nbxd, () -> transactions.execute(tx -> null));
        assertThat(answers).as("evaluated once: later transactions do not carry it").containsExactly(true);
    }

    @Test
    void anInstitutionCannotWriteRowsOfAnother() {
        assertThatThrownBy(() -> TenantWall.asInstitution(hzxd, () -> transactions.executeWithoutResult(tx -> appJdbc.sql("""
                insert into iam_branch (institution_id, code, name, path, created_at)
                values (?, 'INTRUDE', '入侵', '/x/', now())""").param(nbxd).update())))
                .rootCause().hasMessageContaining("row-level security");
        Integer changed = TenantWall.asInstitution(hzxd, () -> transactions.execute(tx -> appJdbc.sql(
                "update iam_user set display_name = display_name where institution_id = ?").param(nbxd).update()));
        assertThat(changed).as("another institution's users are not even found").isZero();
    }

    @Test
    void aPooledConnectionNeverCarriesThePreviousCallersSetting() {
        boolean reusedAConnection = false;
        for (int i = 0; i < 20; i++) {
            Integer pid = TenantWall.asInstitution(hzxd, () -> transactions.execute(tx -> appJdbc.sql(
                    "select pg_backend_pid()").query(Integer.class).single()));
            TenantWall.regionWide(() -> transactions.executeWithoutResult(tx -> appJdbc.sql("select 1").query().singleRow()));
            var after = transactions.execute(tx -> appJdbc.sql("""
                    select pg_backend_pid() as pid, current_user as role,
                           coalesce(current_setting('xiaodai.institution_id', true), '') as institution""")
                    .query((rs, n) -> new String[] {rs.getString("pid"), rs.getString("role"), rs.getString("institution")})
                    .single());
            assertThat(after[1]).as("role after a region-wide transaction").isEqualTo("xiaodai_app");
            assertThat(after[2]).as("institution setting after another caller's transaction").isEmpty();
            reusedAConnection |= after[0].equals(String.valueOf(pid));
        }
        assertThat(reusedAConnection).as("the pool handed a used connection back at least once").isTrue();
        try {
            TenantWall.asInstitution(hzxd, () -> transactions.executeWithoutResult(tx -> {
                appJdbc.sql("select 1").query().singleRow();
                throw new IllegalStateException("rolled back");
            }));
        } catch (IllegalStateException expected) {
            // the setting ends with the rolled-back transaction too
        }
        assertThat(count(() -> transactions.execute(tx -> appJdbc.sql("select count(*) from iam_user").query(Long.class).single())))
                .isZero();
    }

    @Test
    void oneCallPutsANewTableBehindTheWall() {
        superuser.sql("create table wall_probe (id int, institution_id uuid not null)").update();
        try {
            superuser.sql("select xiaodai_tenant_wall('wall_probe')").query().singleRow();
            var wall = superuser.sql("""
                    select c.relrowsecurity and c.relforcerowsecurity as forced,
                           array(select p.policyname::text from pg_policies p where p.tablename = 'wall_probe'
                                 order by p.policyname) as policies
                    from pg_class c where c.relname = 'wall_probe'
                    """).query().singleRow();
            assertThat(wall.get("forced")).isEqualTo(true);
            assertThat(wall.get("policies").toString()).isEqualTo("{tenant_institution,tenant_region}");
        } finally {
            superuser.sql("drop table wall_probe").update();
        }
    }

    @Test
    void theTokenHolderFunctionAnswersOnlyForAKnownLiveTokenHash() {
        String hash = "probe-" + UUID.randomUUID();
        superuser.sql("""
                insert into iam_api_token (user_id, institution_id, token_hash, name, created_at, expires_at)
                select id, institution_id, ?, 'probe', now(), now() + interval '1 hour' from iam_user where username = 'a-admin'
                """).param(hash).update();
        try {
            // outside any transaction and with no tenant setting, the application role sees no token row
            assertThat(appJdbc.sql("select count(*) from iam_api_token").query(Long.class).single()).isZero();
            // but the narrow function answers the holder of a live hash, and nothing for any other string
            String sql = "select username from iam_token_holder(?, now(), now() - interval '1 minute')";
            assertThat(appJdbc.sql(sql).param(hash).query(String.class).list()).containsExactly("a-admin");
            assertThat(appJdbc.sql(sql).param("not-a-hash").query(String.class).list()).isEmpty();
            assertThat(appJdbc.sql(sql).param("%").query(String.class).list()).isEmpty();
            superuser.sql("update iam_api_token set revoked_at = now() where token_hash = ?").param(hash).update();
            assertThat(appJdbc.sql(sql).param(hash).query(String.class).list()).isEmpty();
        } finally {
            superuser.sql("delete from iam_api_token where token_hash = ?").param(hash).update();
        }
    }

    @Test
    void theApplicationConnectsAsARoleThatOwnsNothingAndCannotBypassTheWall() {
        var role = appJdbc.sql("""
                select current_user as name, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                       (select count(*) from pg_class c where c.relowner = r.oid) as owned
                from pg_roles r where r.rolname = current_user""")
                .query((rs, n) -> List.of(rs.getString("name"), rs.getBoolean("rolsuper"), rs.getBoolean("rolbypassrls"),
                        rs.getBoolean("rolcreaterole"), rs.getBoolean("rolcreatedb"), rs.getLong("owned"))).single();
        assertThat(role).containsExactly("xiaodai_app", false, false, false, false, 0L);
        assertThatThrownBy(() -> appJdbc.sql("create table intruder (id int)").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> appJdbc.sql("set local role xiaodai_owner").update()))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> appJdbc.sql("select count(*) from flyway_schema_history").query(Long.class).single())
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void auditRowsAreInsertAndSelectOnlyForTheApplication() {
        for (String statement : List.of("update audit_entry set action = action", "delete from audit_entry",
                "truncate audit_entry")) {
            assertThatThrownBy(() -> TenantWall.regionWide(() -> transactions.executeWithoutResult(tx -> appJdbc.sql(statement)
                    .update()))).as(statement).rootCause().hasMessageContaining("permission denied");
        }
    }

    @Test
    void theEmbeddedClusterTakesOnlyScramPasswordsOnLoopback() throws Exception {
        List<String> methods = superuser.sql("select distinct auth_method from pg_hba_file_rules where error is null")
                .query(String.class).list();
        assertThat(methods).containsOnly("scram-sha-256");
        assertThat(superuser.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
        assertThat(superuser.sql("select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'xiaodai_app'")
                .query(Boolean.class).single()).isTrue();
        Path credentials = postgres.dataDir().resolve(DatabaseCredentials.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(postgres.jdbcUrl(), DatabaseRoles.APP, "wrong"))
                .hasMessageContaining("password authentication failed");
    }

    private static long count(java.util.function.Supplier<Long> query) {
        return query.get();
    }

    private UUID institution(String code) {
        return superuser.sql("select id from iam_organisation where code = ?").param(code).query(UUID.class).single();
    }
}
