package org.xiaodai.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.customer.Customers;
import org.xiaodai.notification.domain.QuietHours;
import org.xiaodai.notification.domain.RetryPolicy;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Attempts deliveries: one at a time, each in its own transaction inside its institution's tenant
 * wall, holding the row ({@code FOR UPDATE SKIP LOCKED}) so two instances never send the same one.
 * A failed attempt is retried per the {@link RetryPolicy}; after the last one the delivery has
 * finally failed, which is audited. The address is resolved at the attempt (the customer's mobile
 * through the customer module, the e-mail from the notification contact) and an explicit address is
 * erased as soon as the delivery is closed. A delivery that comes due inside quiet hours (a retry)
 * waits for their end again, unless it is a one-time code.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SmsGateway sms;
    private final EmailSender email;
    private final Customers customers;
    private final AuditTrail audit;
    private final QuietHours quietHours;
    private final RetryPolicy retries;
    private final ExecutorService sender;
    private final Clock clock;

    Dispatcher(JdbcClient jdbc, TransactionTemplate transactions, SmsGateway sms, EmailSender email, Customers customers,
               AuditTrail audit, QuietHours quietHours, RetryPolicy retries,
               @Qualifier("notificationSender") ExecutorService sender, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sms = sms;
        this.email = email;
        this.customers = customers;
        this.audit = audit;
        this.quietHours = quietHours;
        this.retries = retries;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * After the current transaction commits (at once without one), attempts {@code ids} off this
     * thread. What one transaction queues for one institution is attempted together, in one
     * transaction of the sender's, in the order it was queued.
     */
    void attemptAfterCommit(UUID institutionId, List<UUID> ids, Instant queuedAt) {
        if (ids.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            submit(() -> attemptAll(institutionId, ids, queuedAt));
            return;
        }
        Queued queued = (Queued) TransactionSynchronizationManager.getResource(queuedKey);
        if (queued == null) {
            queued = new Queued();
            TransactionSynchronizationManager.bindResource(queuedKey, queued);
            TransactionSynchronizationManager.registerSynchronization(queued);
        }
        queued.batches.computeIfAbsent(institutionId, i -> new Batch()).add(ids, queuedAt);
    }

    /**
     * One institution's deliveries queued in one transaction, attempted as of the instant the last
     * was queued (a few milliseconds ago; every one was due by then), so a notice queued at a chosen
     * time (tests) is judged against the quiet hours of that time, not of the real clock.
     */
    private static final class Batch {

        private final List<UUID> ids = new ArrayList<>();
        private Instant queuedAt = Instant.MIN;

        void add(List<UUID> more, Instant at) {
            ids.addAll(more);
            queuedAt = at.isAfter(queuedAt) ? at : queuedAt;
        }
    }

    private final Object queuedKey = new Object();

    /** The deliveries one transaction queued, attempted once it committed. */
    private final class Queued implements TransactionSynchronization {

        private final Map<UUID, Batch> batches = new LinkedHashMap<>();

        @Override
        public void afterCommit() {
            batches.forEach((institutionId, batch) -> submit(() -> attemptAll(institutionId, batch.ids, batch.queuedAt)));
        }

        // follows its transaction through suspension, so an inner transaction queues into its own batch
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(queuedKey);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(queuedKey, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(queuedKey);
        }
    }

    private void submit(Runnable work) {
        try {
            sender.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Notification attempt failed; the next dispatch round retries it", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Shutting down: deliveries wait for the next start");
        }
    }

    /** Every delivery that is due now, region-wide, each attempted in its own institution; @return how many were attempted */
    int runDue() {
        return runDue(clock.instant());
    }

    /** {@link #runDue()} as if the wall clock said {@code now}: the seam for tests of retries and quiet hours. */
    int runDue(Instant now) {
        record Due(UUID id, UUID institutionId) {
        }
        List<Due> due = TenantWall.regionWide(() -> transactions.execute(tx -> jdbc.sql("""
                        select id, institution_id from notification_delivery
                        where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit 500""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list()));
        int attempted = 0;
        for (Due d : due) {
            attempted += attempt(d.institutionId(), d.id(), now) ? 1 : 0;
        }
        return attempted;
    }

    /** One attempt of one delivery if it is still open and due; @return whether it was attempted. */
    boolean attempt(UUID institutionId, UUID deliveryId, Instant now) {
        return attemptAll(institutionId, List.of(deliveryId), now) == 1;
    }

    /**
     * One attempt of each delivery that is still open and due, in one transaction, in the order
     * given; @return how many were attempted. A delivery another instance holds is skipped.
     */
    int attemptAll(UUID institutionId, List<UUID> deliveryIds, Instant now) {
        Integer attempted = TenantWall.asInstitution(institutionId, () -> transactions.execute(tx -> {
            Map<UUID, Deliveries.Open> found = new HashMap<>();
            jdbc.sql("""
                            select * from notification_delivery where id = any(?::uuid[]) and status = 'PENDING'
                              and next_attempt_at <= ? for update skip locked""")
                    .params(uuidArray(deliveryIds), Timestamp.from(now)).query(Deliveries.Open::map).list()
                    .forEach(d -> found.put(d.id(), d));
            if (found.isEmpty()) {
                return 0;
            }
            Instant allowed = quietHours.nextAllowed(now.atZone(clock.getZone())).toInstant();
            Map<UUID, Optional<String>> mobiles = new HashMap<>();
            List<UUID> sent = new ArrayList<>();
            int count = 0;
            for (UUID id : deliveryIds) {
                Deliveries.Open d = found.get(id);
                if (d == null) {
                    continue;
                }
                if (!d.bypassesQuietHours() && allowed.isAfter(now)) {
                    jdbc.sql("update notification_delivery set next_attempt_at = ?, deferred_until = ? where id = ?")
                            .params(Timestamp.from(allowed), Timestamp.from(allowed), d.id()).update();
                    continue;
                }
                try {
                    send(d, mobiles);
                    sent.add(d.id());
                } catch (DeliveryException e) {
                    failed(d, e.getMessage(), now);
                }
                count++;
            }
            if (!sent.isEmpty()) {
                jdbc.sql("""
                        update notification_delivery set status = 'SENT', attempts = attempts + 1, address = null,
                            last_error = null, next_attempt_at = null, closed_at = ? where id = any(?::uuid[])""")
                        .params(Timestamp.from(now), uuidArray(sent)).update();
            }
            return count;
        }));
        return attempted == null ? 0 : attempted;
    }

    /** A PostgreSQL array literal of ids, for {@code = any(?::uuid[])}. */
    private static String uuidArray(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private void send(Deliveries.Open d, Map<UUID, Optional<String>> mobiles) throws DeliveryException {
        switch (d.channel()) {
            case SMS -> sms.send(d.institutionId(), d.id(), address(d, mobiles), d.body());
            case EMAIL -> email.send(address(d, mobiles), d.subject(), d.body());
            case IN_APP -> {
                // written to the inbox when queued
            }
        }
    }

    /** The delivery's address; a customer's mobile is read once per batch ({@code mobiles}). */
    private String address(Deliveries.Open d, Map<UUID, Optional<String>> mobiles) throws DeliveryException {
        if (d.address() != null) {
            return d.address();
        }
        if (d.customerId() == null) {
            throw new DeliveryException("no address");
        }
        Optional<String> address = switch (d.channel()) {
            case SMS -> mobiles.computeIfAbsent(d.customerId(), customers::mobileForDelivery);
            case EMAIL -> jdbc.sql("select email from notification_contact where customer_id = ? and email is not null")
                    .param(d.customerId()).query(String.class).optional();
            case IN_APP -> Optional.of("inbox");
        };
        return address.orElseThrow(() -> new DeliveryException("the recipient has no " + d.channel().name().toLowerCase()
                + " address any more"));
    }

    private void failed(Deliveries.Open d, String reason, Instant now) {
        int attempts = d.attempts() + 1;
        Optional<Instant> next = retries.nextAttempt(attempts, now);
        if (next.isPresent()) {
            jdbc.sql("update notification_delivery set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
                    .params(attempts, reason, Timestamp.from(next.get()), d.id()).update();
            return;
        }
        jdbc.sql("""
                update notification_delivery set status = 'FAILED', attempts = ?, last_error = ?, address = null,
                    next_attempt_at = null, closed_at = ? where id = ?""")
                .params(attempts, reason, Timestamp.from(now), d.id()).update();
        audit.record(AuditRecord.changed("notification.delivery.failed", "notification-delivery", d.id(), d.institutionId(),
                Map.of("status", "PENDING"), Map.of("status", "FAILED", "attempts", attempts, "lastError", reason,
                        "event", d.event().name(), "channel", d.channel().name())));
    }
}
