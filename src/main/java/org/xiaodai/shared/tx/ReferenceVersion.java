package org.xiaodai.shared.tx;

import java.util.ArrayDeque;
import java.util.OptionalLong;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The reference version the current transaction began with: a counter in the database
 * ({@code platform_reference_version}) that every write to the slowly changing data kept across
 * transactions (business dates, the licence registry) bumps in its own transaction, by a trigger.
 * The platform's transaction manager reads it in each transaction's tenant-setting statement, so it
 * costs no round trip; a {@link ReferenceCache} trusts a value only under the version it was read
 * under. A change committed by any instance, or by hand, is therefore seen by the next transaction
 * that begins on any instance, as it was when every transaction read the value itself.
 * <p>
 * Unknown (empty) outside a transaction, in a transaction that sends its setting per statement (the
 * API's reads), and in a transaction that changed such data itself ({@link #changedHere()}): there a
 * {@link ReferenceCache} reads from the database.
 */
public final class ReferenceVersion {

    private static final long UNKNOWN = Long.MIN_VALUE;
    /** One entry per transaction begun and not yet cleaned up on this thread (a suspended one stays below). */
    private static final ThreadLocal<ArrayDeque<long[]>> BEGUN = ThreadLocal.withInitial(ArrayDeque::new);

    private ReferenceVersion() {
    }

    /** The version the current transaction began with, if it is known. */
    public static OptionalLong current() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return OptionalLong.empty();
        }
        long[] top = BEGUN.get().peek();
        return top == null || top[0] == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(top[0]);
    }

    /**
     * The current transaction changed data the version covers: from now on it reads that data from
     * the database (it sees its own change, and nothing it reads is kept for others before it commits).
     */
    public static void changedHere() {
        long[] top = BEGUN.get().peek();
        if (top != null) {
            top[0] = UNKNOWN;
        }
    }

    /** For the transaction manager: a transaction began, with the version its setting statement read (or none). */
    public static void begun(OptionalLong version) {
        BEGUN.get().push(new long[] {version.isPresent() ? version.getAsLong() : UNKNOWN});
    }

    /** For the transaction manager: the transaction begun last on this thread was cleaned up. */
    public static void ended() {
        ArrayDeque<long[]> begun = BEGUN.get();
        begun.poll();
        if (begun.isEmpty()) {
            BEGUN.remove();
        }
    }
}
