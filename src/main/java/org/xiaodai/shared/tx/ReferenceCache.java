package org.xiaodai.shared.tx;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values kept across transactions and instances-safe: each is kept with the {@link ReferenceVersion}
 * of the transaction that read it and answered only to a transaction that began under the same
 * version. Any committed change of the data bumps the version, so the first transaction that begins
 * after it (on any instance) reads again. Without a known version (outside a transaction, a
 * statement-by-statement read, a transaction that changed the data) every call reads.
 * <p>
 * Only for data whose every write bumps the version (a trigger on its table) and whose in-app
 * writers call {@link ReferenceVersion#changedHere()}. A value read under version {@code v} is at
 * least as new as the data at {@code v} (it was read after the version was), never older, and a
 * transaction that keeps one value for itself (a {@link TransactionMemo} in front) sees one value
 * from start to end.
 *
 * @param <K> the key
 * @param <V> the value; null is never kept
 */
public final class ReferenceCache<K, V> {

    private final String name;
    private final int limit;
    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();

    /** @param limit entries kept at most; beyond it the cache starts over (a miss costs one read) */
    public ReferenceCache(String name, int limit) {
        this.name = name;
        this.limit = limit;
    }

    /** The value for {@code key} as of the current transaction's version, read with {@code load} when not kept under it. */
    public V get(K key, Function<K, V> load) {
        OptionalLong version = ReferenceVersion.current();
        if (version.isEmpty()) {
            return load.apply(key);
        }
        Kept<V> found = kept.get(key);
        if (found != null && found.version() == version.getAsLong()) {
            return found.value();
        }
        V value = load.apply(key);
        // read again: the load may have changed the data (then the version is no longer known here)
        OptionalLong after = ReferenceVersion.current();
        if (value != null && after.isPresent() && after.getAsLong() == version.getAsLong()) {
            if (kept.size() >= limit) {
                kept.clear();
            }
            kept.put(key, new Kept<>(version.getAsLong(), value));
        }
        return value;
    }

    @Override
    public String toString() {
        return "ReferenceCache[" + name + "]";
    }

    private record Kept<V>(long version, V value) {
    }
}
