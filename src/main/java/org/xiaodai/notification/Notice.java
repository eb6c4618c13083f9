package org.xiaodai.notification;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One notice to one customer of an institution.
 *
 * @param institutionId the customer's institution; must not be null
 * @param customerId    the recipient; their mobile comes from the customer record, e-mail and
 *                      language from their notification contact; must not be null
 * @param event         what it is about; must not be null
 * @param values        the values the event's templates need ({@link NotificationEvent#requiredValues()}),
 *                      already free of personal data (masked numbers, amounts as plain decimals)
 * @param dedupeKey     the same key twice for an institution is delivered once (e.g.
 *                      {@code "repayment-due:<loan>:<date>"}), so a redelivered event notifies once;
 *                      null for none
 */
public record Notice(UUID institutionId, UUID customerId, NotificationEvent event, Map<String, String> values,
                     @Nullable String dedupeKey) {

    public Notice {
        Objects.requireNonNull(institutionId, "institutionId must not be null");
        Objects.requireNonNull(customerId, "customerId must not be null");
        Objects.requireNonNull(event, "event must not be null");
        values = Map.copyOf(values);
    }
}
