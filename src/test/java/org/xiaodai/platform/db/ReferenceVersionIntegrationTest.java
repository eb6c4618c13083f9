package org.xiaodai.platform.db;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.tx.ReferenceCache;
import org.xiaodai.shared.tx.ReferenceVersion;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference version: read by every transaction in its setting statement, bumped in the writer's
 * own transaction by every write to the data kept across transactions, so a {@link ReferenceCache}
 * reads again in the first transaction that begins after a change committed anywhere.
 */
@IntegrationTest
class ReferenceVersionIntegrationTest {

    @Autowired
    PlatformTransactionManager manager;
    TransactionTemplate transactions;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @BeforeEach
    void setUp() {
        transactions = new TransactionTemplate(manager);
    }

    private long stored() {
        return superuser.sql("select version from platform_reference_version").query(Long.class).single();
    }

    private OptionalLong begunWith() {
        return transactions.execute(status -> ReferenceVersion.current());
    }

    @Test
    void everyTransactionBeginsWithTheStoredVersionAndNoneOutsideATransaction() {
        assertThat(ReferenceVersion.current()).isEmpty();
        assertThat(begunWith()).hasValue(stored());
        TransactionTemplate inner = new TransactionTemplate(manager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.executeWithoutResult(outer -> {
            long version = ReferenceVersion.current().orElseThrow();
            bump("update eod_business_date set business_date = business_date where false");
            OptionalLong seen = inner.execute(status -> ReferenceVersion.current());
            assertThat(seen.orElseThrow()).as("a new transaction sees the bump").isGreaterThan(version);
            assertThat(ReferenceVersion.current()).as("the suspended one keeps its own").hasValue(version);
            ReferenceVersion.changedHere();
            assertThat(ReferenceVersion.current()).as("after a change of its own: unknown").isEmpty();
        });
        assertThat(ReferenceVersion.current()).isEmpty();
    }

    @Test
    void everyTableKeptAcrossTransactionsBumpsTheVersionInTheWritersTransaction() {
        for (String write : new String[] {
                "update eod_business_date set business_date = business_date where false",
                "delete from supervision_registry where false",
                "delete from approval_matrix where false",
                "delete from scoring_assignment where false",
                "update scoring_model set name = name where false",
                "delete from scoring_grade_policy where false"}) {
            long before = stored();
            bump(write);
            assertThat(stored()).as(write).isGreaterThan(before);
        }
        for (int attempt = 0; ; attempt++) { // the demo's background work may bump it meanwhile: try again
            long before = stored();
            superuser.sql("update scoring_model set progress = progress where false").update();
            if (stored() == before) {
                break;
            }
            assertThat(attempt).as("a model's training progress is not kept anywhere").isLessThan(5);
        }
    }

    /**
     * Kept across transactions while the version stays; read again after a bump. The demo's background
     * work may bump the version at any time too, so "kept" is asserted only where the stored version did
     * not move meanwhile.
     */
    @Test
    void aCachedValueIsReadAgainAfterAChangeCommittedAnywhereAndNeverOutsideAVersion() {
        ReferenceCache<String, Integer> cache = new ReferenceCache<>("test", 10);
        AtomicInteger reads = new AtomicInteger();
        java.util.function.Supplier<Integer> get = () -> cache.get("k", k -> reads.incrementAndGet());

        keptWhileTheVersionStays(get);
        int before = transactions.execute(status -> get.get());
        bump("delete from approval_matrix where false");
        int after = transactions.execute(status -> get.get());
        assertThat(after).as("read again after a change elsewhere").isGreaterThan(before);
        keptWhileTheVersionStays(get);

        int outside = reads.get();
        assertThat(get.get()).as("outside a transaction every call reads").isEqualTo(outside + 1);
        long version = stored();
        int kept = transactions.execute(status -> get.get());
        int changing = transactions.execute(status -> {
            ReferenceVersion.changedHere();
            return get.get();
        });
        assertThat(changing).as("a transaction that changed the data reads it").isGreaterThan(kept);
        int next = transactions.execute(status -> get.get());
        if (stored() == version) {
            assertThat(next).as("and kept nothing for others").isEqualTo(kept);
        }
    }

    private void keptWhileTheVersionStays(java.util.function.Supplier<Integer> get) {
        for (int attempt = 0; attempt < 5; attempt++) {
            long version = stored();
            int first = transactions.execute(status -> get.get());
            int second = transactions.execute(status -> get.get());
            if (stored() == version) {
                assertThat(second).as("kept across transactions").isEqualTo(first);
                return;
            }
        }
        throw new AssertionError("the reference version moved on every attempt");
    }

    /** A write as another instance (or an operator) makes it, committed at once. */
    private void bump(String write) {
        superuser.sql(write).update();
    }
}
