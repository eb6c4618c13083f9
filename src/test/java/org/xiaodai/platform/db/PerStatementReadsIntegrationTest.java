package org.xiaodai.platform.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API's reads statement by statement ({@link TenantWall#readsPerStatement}): the wall holds
 * for every statement, no transaction is begun on the server, a rider is answered by the first
 * statement before its rows are read, and anything that needs a real transaction (a write, an
 * advisory lock) gets one, atomic as before.
 */
@IntegrationTest
class PerStatementReadsIntegrationTest {

    @Autowired
    DataSource app;
    @Autowired
    PlatformTransactionManager manager;
    JdbcClient appJdbc;
    JdbcClient superuser;
    TransactionTemplate reads;
    TransactionTemplate transactions;
    UUID hzxd;
    UUID nbxd;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @BeforeEach
    void setUp() {
        appJdbc = JdbcClient.create(app);
        reads = new TransactionTemplate(manager);
        reads.setReadOnly(true);
        transactions = new TransactionTemplate(manager);
        hzxd = institution("HZXD");
        nbxd = institution("NBXD");
    }

    @Test
    void eachStatementCarriesTheWallInItsOwnReadOnlyTransaction() {
        record Seen(long own, long other, Timestamp first, Timestamp second, String readOnly) {
        }
        Seen seen = TenantWall.asInstitution(hzxd, () -> TenantWall.readsPerStatement(() -> reads.execute(tx -> new Seen(
                users(hzxd), users(nbxd), transactionStart(), transactionStart(),
                appJdbc.sql("select current_setting('transaction_read_only') where ? = 1").param(1)
                        .query(String.class).single()))));
        assertThat(seen.own()).as("the institution's own users").isPositive();
        assertThat(seen.other()).as("another institution's users").isZero();
        assertThat(seen.second()).as("no BEGIN: each statement is a transaction of its own").isAfter(seen.first());
        assertThat(seen.readOnly()).isEqualTo("on");

        Timestamp[] classic = TenantWall.asInstitution(hzxd, () -> reads.execute(tx -> new Timestamp[] {
                transactionStart(), transactionStart()}));
        assertThat(classic[1]).as("outside readsPerStatement a read-only transaction is one transaction").isEqualTo(classic[0]);

        for (int i = 0; i < 20; i++) {
            assertThat(appJdbc.sql("select coalesce(current_setting('" + TenantWall.INSTITUTION_SETTING
                    + "', true), '') where ? = 1").param(1).query(String.class).single())
                    .as("a pooled connection keeps no setting").isEmpty();
        }
    }

    @Test
    void namedParametersAreBoundPastTheSettingStatement() {
        UUID someone = superuser.sql("select id from iam_user where institution_id = ? limit 1").param(hzxd)
                .query(UUID.class).single();
        String sql = """
                select * from (select u.*, b.path as branch_path,
                                      array(select r.code from iam_user_role ur join iam_role r on r.id = ur.role_id
                                            where ur.user_id = u.id order by r.code) as role_codes
                               from iam_user u left join iam_branch b on b.id = u.branch_id) t
                where t.id = :onlyId and t.institution_id = :scopeInstitutionId""";
        List<Object> found = TenantWall.asInstitution(hzxd, () -> TenantWall.readsPerStatement(() -> reads.execute(tx ->
                List.of(appJdbc.sql("select count(*) from iam_user t where t.id = :a and t.institution_id = :b")
                                .param("a", someone).param("b", hzxd).query(Long.class).single(),
                        appJdbc.sql(sql).params(java.util.Map.of("scopeInstitutionId", hzxd)).param("onlyId", someone)
                                .query((rs, n) -> rs.getObject("id")).list().size()))));
        assertThat(found).containsExactly(1L, 1);
        for (int i = 0; i < 30; i++) {
            List<Boolean> answers = new ArrayList<>();
            int rows = TenantWall.asInstitution(hzxd, () -> TenantWall.withRider(timestampRider(answers),
                    () -> TenantWall.readsPerStatement(() -> reads.execute(tx -> appJdbc.sql(sql)
                            .params(java.util.Map.of("scopeInstitutionId", hzxd)).param("onlyId", someone)
                            .query((rs, n) -> rs.getObject("id")).list().size()))));
            assertThat(rows).as("round " + i + ", answers " + answers).isEqualTo(1);
            long untyped = TenantWall.asInstitution(hzxd, () -> TenantWall.readsPerStatement(() -> reads.execute(tx ->
                    appJdbc.sql("select count(*) from iam_user where institution_id = ? and created_at < ?")
                            .param(hzxd).param(new Timestamp(System.currentTimeMillis() + 86_400_000L))
                            .query(Long.class).single())));
            assertThat(untyped).as("round " + i + ": a parameter whose type the server infers").isPositive();
        }
    }

    @Test
    void aWriteTurnsTheReadIntoOneRealTransactionThatCommitsOrRollsBackWhole() {
        String code = "PS" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try {
            TenantWall.asInstitution(hzxd, () -> TenantWall.readsPerStatement(() -> reads.executeWithoutResult(tx -> {
                assertThat(users(hzxd)).isPositive();
                insertBranch(code + "A");
                insertBranch(code + "B");
                tx.setRollbackOnly();
            })));
            assertThat(branches(code)).as("both writes rolled back together").isZero();

            TenantWall.asInstitution(hzxd, () -> TenantWall.readsPerStatement(() -> reads.executeWithoutResult(tx -> {
                insertBranch(code + "A");
                assertThat(branches(code)).as("read inside the same transaction, before the commit").isEqualTo(1);
                assertThat(superuser.sql("select count(*) from iam_branch where code like ?").param(code + "%")
                        .query(Long.class).single()).as("not committed yet").isZero();
                insertBranch(code + "B");
            })));
            assertThat(superuser.sql("select count(*) from iam_branch where code like ?").param(code + "%")
                    .query(Long.class).single()).as("committed together").isEqualTo(2);
        } finally {
            superuser.sql("delete from iam_branch where code like ?").param(code + "%").update();
        }
    }

    @Test
    void anAdvisoryTransactionLockIsHeldToTheEndOfTheTransaction() {
        long key = 7_700_000_000L + (System.nanoTime() % 1_000_000);
        TenantWall.asInstitution(hzxd, () -> TenantWall.readsPerStatement(() -> reads.executeWithoutResult(tx -> {
            appJdbc.sql("select pg_advisory_xact_lock(?) is not null").param(key).query(Boolean.class).single();
            assertThat(users(hzxd)).isPositive();
            assertThat(advisoryLocksHeld(key)).as("still held after the next statement").isEqualTo(1);
        })));
        assertThat(advisoryLocksHeld(key)).as("released with the transaction").isZero();
    }

    @Test
    void theFirstStatementAnswersTheRiderBeforeItsRowsAreRead() {
        List<Boolean> answers = new ArrayList<>();
        Long seen = TenantWall.asInstitution(hzxd, () -> TenantWall.withRider(rider("yes", answers),
                () -> TenantWall.readsPerStatement(() -> reads.execute(tx -> {
                    assertThat(answers).as("nothing sent when the transaction began").isEmpty();
                    long own = users(hzxd);
                    assertThat(answers).as("answered with the first statement").containsExactly(true);
                    users(hzxd);
                    return own;
                }))));
        assertThat(seen).isPositive();
        assertThat(answers).as("and only there").containsExactly(true);

        List<Boolean> refused = new ArrayList<>();
        assertThatThrownBy(() -> TenantWall.asInstitution(hzxd, () -> TenantWall.withRider(rider("no", refused),
                () -> TenantWall.readsPerStatement(() -> reads.execute(tx -> users(hzxd))))))
                .isInstanceOf(TenantWall.RetryRequest.class);
        assertThat(refused).containsExactly(false);
    }

    @Test
    void aRefusedRiderAlsoStopsAWriteThatTurnedTheReadIntoATransaction() {
        String code = "PR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<Boolean> refused = new ArrayList<>();
        try {
            assertThatThrownBy(() -> TenantWall.asInstitution(hzxd, () -> TenantWall.withRider(rider("no", refused),
                    () -> TenantWall.readsPerStatement(() -> reads.execute(tx -> {
                        insertBranch(code);
                        return null;
                    })))))
                    .isInstanceOf(TenantWall.RetryRequest.class);
            assertThat(refused).containsExactly(false);
            assertThat(superuser.sql("select count(*) from iam_branch where code = ?").param(code)
                    .query(Long.class).single()).isZero();
        } finally {
            superuser.sql("delete from iam_branch where code = ?").param(code).update();
        }
    }

    /** A rider with a timestamp parameter, as the bearer-token check has, bound with its type. */
    private TenantWall.Rider timestampRider(List<Boolean> answers) {
        return new TenantWall.Rider() {
            @Override
            public String sql() {
                return "(? < now() + interval '1 day')";
            }

            @Override
            public int parameterCount() {
                return 1;
            }

            @Override
            public void bind(PreparedStatement statement, int firstIndex) throws SQLException {
                statement.setObject(firstIndex, java.time.OffsetDateTime.now());
            }

            @Override
            public void answer(boolean value) {
                answers.add(value);
            }
        };
    }

    private TenantWall.Rider rider(String answer, List<Boolean> answers) {
        return new TenantWall.Rider() {
            @Override
            public String sql() {
                return "(? = 'yes')";
            }

            @Override
            public int parameterCount() {
                return 1;
            }

            @Override
            public void bind(PreparedStatement statement, int firstIndex) throws SQLException {
                statement.setString(firstIndex, answer);
            }

            @Override
            public void answer(boolean value) {
                answers.add(value);
            }
        };
    }

    private long users(UUID institution) {
        return appJdbc.sql("select count(*) from iam_user where institution_id = ?").param(institution)
                .query(Long.class).single();
    }

    private Timestamp transactionStart() {
        Timestamp start = appJdbc.sql("select transaction_timestamp() where ? = 1").param(1).query(Timestamp.class).single();
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return start;
    }

    private void insertBranch(String code) {
        appJdbc.sql("""
                insert into iam_branch (institution_id, code, name, path, created_at)
                values (?, ?, '逐句测试', '/' || ? || '/', now())""").param(hzxd).param(code).param(code).update();
    }

    private long branches(String codePrefix) {
        return appJdbc.sql("select count(*) from iam_branch where code like ?").param(codePrefix + "%")
                .query(Long.class).single();
    }

    private long advisoryLocksHeld(long key) {
        return superuser.sql("""
                select count(*) from pg_locks where locktype = 'advisory' and granted
                   and ((classid::bigint << 32) | objid::bigint) = ?""").param(key).query(Long.class).single();
    }

    private UUID institution(String code) {
        return superuser.sql("select id from iam_organisation where code = ?").param(code).query(UUID.class).single();
    }
}
