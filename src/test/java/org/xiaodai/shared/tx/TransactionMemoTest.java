package org.xiaodai.shared.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.xiaodai.shared.tenant.TenantWall;

class TransactionMemoTest {

    private final TransactionMemo<String, String> memo = new TransactionMemo<>("test");
    private final AtomicInteger reads = new AtomicInteger();

    private String read(String key) {
        return key + "#" + reads.incrementAndGet();
    }

    @Test
    void outsideATransactionEveryCallReads() {
        assertThat(memo.get("a", this::read)).isEqualTo("a#1");
        assertThat(memo.get("a", this::read)).isEqualTo("a#2");
    }

    @Test
    void insideATransactionAKeyIsReadOnceAndForgottenWhenItEnds() {
        inTransaction(() -> {
            assertThat(memo.get("a", this::read)).isEqualTo("a#1");
            assertThat(memo.get("a", this::read)).isEqualTo("a#1");
            assertThat(memo.get("b", this::read)).isEqualTo("b#2");
        });
        inTransaction(() -> assertThat(memo.get("a", this::read)).isEqualTo("a#3"));
    }

    @Test
    void forgetDropsWhatTheTransactionKept() {
        inTransaction(() -> {
            assertThat(memo.get("a", this::read)).isEqualTo("a#1");
            memo.forget();
            assertThat(memo.get("a", this::read)).isEqualTo("a#2");
        });
    }

    @Test
    void aValueReadUnderOneInstitutionsWallIsNotAnsweredUnderAnother() {
        inTransaction(() -> {
            String first = TenantWall.asInstitution(UUID.randomUUID(), () -> memo.get("a", this::read));
            String second = TenantWall.asInstitution(UUID.randomUUID(), () -> memo.get("a", this::read));
            assertThat(first).isEqualTo("a#1");
            assertThat(second).isEqualTo("a#2");
        });
    }

    @Test
    void aSuspendedTransactionsValuesAreNotSeenByTheInnerOne() {
        inTransaction(() -> {
            assertThat(memo.get("a", this::read)).isEqualTo("a#1");
            var suspended = TransactionSynchronizationManager.getSynchronizations();
            suspended.forEach(TransactionSynchronization::suspend);
            TransactionSynchronizationManager.clearSynchronization();
            inTransaction(() -> assertThat(memo.get("a", this::read)).isEqualTo("a#2"));
            TransactionSynchronizationManager.initSynchronization();
            suspended.forEach(s -> {
                s.resume();
                TransactionSynchronizationManager.registerSynchronization(s);
            });
            assertThat(memo.get("a", this::read)).isEqualTo("a#1");
        });
    }

    private static void inTransaction(Runnable work) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            work.run();
        } finally {
            var synchronizations = TransactionSynchronizationManager.getSynchronizations();
            TransactionSynchronizationManager.clearSynchronization();
            synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        }
    }
}
