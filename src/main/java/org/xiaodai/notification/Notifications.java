package org.xiaodai.notification;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The notification module's face for other modules. Every method joins the caller's transaction and
 * works inside its tenant wall: a notice is queued with the caller's business change and goes out
 * only after that commits (at once, or at the end of quiet hours), retried until it succeeds or
 * finally fails.
 */
public interface Notifications {

    /**
     * Queues {@code notice} on every channel of its event; a channel the customer cannot receive is
     * logged as skipped. A notice whose dedupe key was already used is not queued again.
     *
     * @return the delivery log entries made (one per channel, skipped ones included), empty for a repeated dedupe key
     * @throws IllegalArgumentException when a value the event's templates need is missing
     */
    List<UUID> notify(Notice notice);

    /** Sets how a customer of the caller's institution is reached by e-mail and in which language ("zh" or "en"). */
    void setContact(UUID customerId, @Nullable String email, String language);

    /** The customer's newest in-app messages, at most {@code limit}. */
    List<InboxMessage> inbox(UUID customerId, int limit);

    /** Marks an in-app message read; false when it is not the customer's. */
    boolean markRead(UUID customerId, UUID messageId);
}
