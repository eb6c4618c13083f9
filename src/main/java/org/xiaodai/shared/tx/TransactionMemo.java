package org.xiaodai.shared.tx;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Values read once per transaction: a read that several modules repeat inside one transaction (the
 * business date, the customer's profile during a submission) is made the first time and answered
 * from memory until the transaction ends. What is kept belongs to the transaction (bound to it,
 * unbound while it is suspended, dropped when it completes) and to the tenant-wall setting it was
 * read under, so nothing outlives the transaction or crosses from one institution's view to
 * another's. Outside a transaction every call reads.
 * <p>
 * Only for values the transaction itself does not change, or whose writer calls {@link #forget()}.
 *
 * @param <K> the key (an id)
 * @param <V> the value; null is never kept
 */
public final class TransactionMemo<K, V> {

    private final Object resourceKey = new Object();
    private final String name;

    public TransactionMemo(String name) {
        this.name = name;
    }

    /** The value for {@code key} in the current transaction, read with {@code load} the first time. */
    public V get(K key, Function<K, V> load) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return load.apply(key);
        }
        Map<Object, V> kept = kept();
        Object fullKey = new Key(TenantWall.current(), key);
        V value = kept.get(fullKey);
        if (value == null) {
            value = load.apply(key);
            if (value != null) {
                kept.put(fullKey, value);
            }
        }
        return value;
    }

    /** Drops what the current transaction kept (after it changed one of the values). */
    public void forget() {
        if (TransactionSynchronizationManager.getResource(resourceKey) instanceof Kept<?> kept) {
            kept.values.clear();
        }
    }

    private record Key(TenantWall.Setting wall, Object key) {
    }

    @SuppressWarnings("unchecked")
    private Map<Object, V> kept() {
        Kept<V> kept = (Kept<V>) TransactionSynchronizationManager.getResource(resourceKey);
        if (kept == null) {
            kept = new Kept<>(resourceKey);
            TransactionSynchronizationManager.bindResource(resourceKey, kept);
            TransactionSynchronizationManager.registerSynchronization(kept);
        }
        return kept.values;
    }

    @Override
    public String toString() {
        return "TransactionMemo[" + name + "]";
    }

    /** One transaction's values; follows the transaction through suspension as Spring's transaction scope does. */
    private static final class Kept<V> implements TransactionSynchronization {

        private final Object resourceKey;
        private final Map<Object, V> values = new HashMap<>();

        Kept(Object resourceKey) {
            this.resourceKey = resourceKey;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(resourceKey);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(resourceKey, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(resourceKey);
        }
    }
}
