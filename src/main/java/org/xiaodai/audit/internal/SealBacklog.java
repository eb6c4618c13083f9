package org.xiaodai.audit.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How far this instance's committed entries are ahead of the chain, and the back-pressure that
 * keeps them from running away. Writers count their entries after commit; a sealing round notes
 * the count when it starts, and once it ends every entry counted by then is sealed (it committed
 * before the round looked). A writer whose entry is more than {@code maxUnsealed} ahead waits,
 * holding no connection, until a round catches up or {@code maxWait} passes: when the machine is
 * so busy that the one sealer gets too little CPU to keep up, writers slow down instead of the
 * unsealed tail growing without bound. In normal operation nobody waits.
 * <p>
 * Counts are per instance; a round run by another instance does not move them, and then waiting
 * writers give up after {@code maxWait}, which is the bound on the delay this can add.
 */
final class SealBacklog {

    private final AtomicLong committed = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final long maxUnsealed;
    private final long maxWaitNanos;
    private volatile long sealedThrough;

    SealBacklog(long maxUnsealed, Duration maxWait) {
        this.maxUnsealed = maxUnsealed;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Counts an entry whose transaction has committed; waits while it is too far ahead of the chain. */
    void committed() {
        long mine = committed.incrementAndGet();
        if (maxUnsealed <= 0 || mine - sealedThrough <= maxUnsealed) {
            return;
        }
        lock.lock();
        try {
            long left = maxWaitNanos;
            while (mine - sealedThrough > maxUnsealed && left > 0) {
                left = advanced.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** @return the mark to hand to {@link #roundSealed} once the round that starts now has ended */
    long roundStarting() {
        return committed.get();
    }

    /** Every entry counted before {@code mark} is sealed now. */
    void roundSealed(long mark) {
        if (mark <= sealedThrough) {
            return;
        }
        lock.lock();
        try {
            sealedThrough = Math.max(sealedThrough, mark);
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True when the next round should start at once: half the allowed backlog has built up. */
    boolean behind() {
        return maxUnsealed > 0 && committed.get() - sealedThrough > maxUnsealed / 2;
    }

    static SealBacklog of(AuditProperties properties) {
        return new SealBacklog(properties.maxUnsealed(), properties.maxWait());
    }
}
