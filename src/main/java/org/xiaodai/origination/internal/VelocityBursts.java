package org.xiaodai.origination.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.xiaodai.customer.Customers;
import org.xiaodai.origination.ApplicationBurst;
import org.xiaodai.origination.domain.Flag;

/**
 * The velocity flags of a submission as {@link ApplicationBurst} events for risk's {@code application-burst} rule: the
 * device or client address as a keyed digest (HMAC under the blind-index key through {@link Customers#keyedDigest},
 * per kind and institution; never the value), the count with this submission and the limit from the flag, the clock
 * hour (UTC) as the window.
 * <p>
 * Risk raises once per source and hour. So that a source that stays over the limit does not cost an event publication
 * per submission, a source already published for its hour (once the publishing transaction committed) is skipped until
 * the hour ends. The memory is only a saving: after a restart the event is published again and risk's idempotence
 * keeps the one alert.
 */
@Component
public class VelocityBursts {

    private final Customers customers;
    private final ApplicationEventPublisher events;
    /** digest@hour → hour of the sources published (and committed) this hour. */
    private final Map<String, Instant> published = new ConcurrentHashMap<>();

    VelocityBursts(Customers customers, ApplicationEventPublisher events) {
        this.customers = customers;
        this.events = events;
    }

    /** The events the flags of a submission at {@code at} stand for (none without a velocity flag). */
    public List<ApplicationBurst> of(UUID applicationId, UUID institutionId, List<Flag> flags, @Nullable String address,
                                     @Nullable String device, Instant at) {
        List<ApplicationBurst> bursts = new ArrayList<>();
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        for (Flag flag : flags) {
            ApplicationBurst.Source source = switch (flag.code()) {
                case "VELOCITY_DEVICE" -> device == null ? null : ApplicationBurst.Source.DEVICE;
                case "VELOCITY_ADDRESS" -> address == null ? null : ApplicationBurst.Source.ADDRESS;
                default -> null;
            };
            if (source == null) {
                continue;
            }
            String value = source == ApplicationBurst.Source.DEVICE ? device : address;
            String digest = customers.keyedDigest("origination.velocity-" + source.name().toLowerCase(Locale.ROOT),
                    institutionId + ":" + value);
            bursts.add(new ApplicationBurst(applicationId, institutionId, source, digest,
                    Integer.parseInt(flag.args().get(0)), Integer.parseInt(flag.args().get(1)), hour, at));
        }
        return bursts;
    }

    /** Publishes {@link #of} in the caller's transaction, skipping a source already published for its hour. */
    void publish(UUID applicationId, UUID institutionId, List<Flag> flags, @Nullable String address, @Nullable String device,
                 Instant at) {
        for (ApplicationBurst burst : of(applicationId, institutionId, flags, address, device, at)) {
            String key = burst.sourceDigest() + "@" + burst.windowStart();
            if (published.containsKey(key)) {
                continue;
            }
            events.publishEvent(burst);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        published.values().removeIf(h -> h.isBefore(burst.windowStart()));
                        published.put(key, burst.windowStart());
                    }
                });
            }
        }
    }
}
