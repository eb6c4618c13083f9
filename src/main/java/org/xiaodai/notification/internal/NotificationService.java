package org.xiaodai.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.customer.CustomerContact;
import org.xiaodai.customer.Customers;
import org.xiaodai.notification.Channel;
import org.xiaodai.notification.InboxMessage;
import org.xiaodai.notification.Notice;
import org.xiaodai.notification.NotificationEvent;
import org.xiaodai.notification.Notifications;
import org.xiaodai.notification.domain.QuietHours;
import org.xiaodai.shared.Masking;
import org.xiaodai.shared.tx.TransactionMemo;

/**
 * Queues notices in the delivery log, inside the caller's transaction and tenant wall: one row per
 * channel with the text already rendered in the recipient's language, due at once or at the end of
 * the quiet hours. In-app messages are written to the inbox at once (they reach nobody's phone, so
 * quiet hours do not apply). After the transaction commits, {@link Dispatcher} attempts the due ones.
 */
@Service
class NotificationService implements Notifications {

    private final JdbcClient jdbc;
    private final Customers customers;
    private final Templates templates;
    private final EmailSender email;
    private final QuietHours quietHours;
    private final Dispatcher dispatcher;
    private final Clock clock;
    /**
     * A customer's contacts, read once per transaction: one submission that is approved at once
     * notifies the same borrower three times (received, decided, contract ready).
     */
    private final TransactionMemo<UUID, Recipient> recipients = new TransactionMemo<>("notification recipients");

    NotificationService(JdbcClient jdbc, Customers customers, Templates templates, EmailSender email,
                        QuietHours quietHours, Dispatcher dispatcher, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.templates = templates;
        this.email = email;
        this.quietHours = quietHours;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Where one delivery goes: the masked recipient for the log and, for explicit addresses, the address. */
    record Target(Channel channel, String recipientMasked, @Nullable String address, @Nullable String skipReason) {
    }

    @Override
    @Transactional
    public List<UUID> notify(Notice notice) {
        return notifyAt(notice, clock.instant());
    }

    /** {@link #notify(Notice)} as if the wall clock said {@code now}: the seam for tests of quiet hours. */
    @Transactional
    public List<UUID> notifyAt(Notice notice, Instant now) {
        requireValues(notice.event(), notice.values());
        Recipient recipient = recipients.get(notice.customerId(), this::recipient);
        List<Target> targets = new ArrayList<>();
        for (Channel channel : notice.event().channels()) {
            targets.add(switch (channel) {
                case SMS -> recipient.mobileMasked() != null ? new Target(Channel.SMS, recipient.mobileMasked(), null, null)
                        : new Target(Channel.SMS, "-", null, "no mobile number");
                case EMAIL -> recipient.email() == null ? new Target(Channel.EMAIL, "-", null, "no e-mail address")
                        : new Target(Channel.EMAIL, Deliveries.maskEmail(recipient.email()), null,
                        email.available() ? null : "no SMTP server configured");
                case IN_APP -> new Target(Channel.IN_APP, "inbox", null, null);
            });
        }
        return queue(notice.institutionId(), notice.customerId(), notice.event(), notice.values(), recipient.language(),
                notice.dedupeKey(), targets, now);
    }

    /** A notice to an address given by the caller (a one-time code before a customer exists). */
    @Transactional
    public UUID notifyMobile(UUID institutionId, String mobile, NotificationEvent event, Map<String, String> values,
                             String language) {
        requireValues(event, values);
        return queue(institutionId, null, event, values, language, null,
                List.of(new Target(Channel.SMS, Masking.maskMobile(mobile), mobile, null)), clock.instant()).getFirst();
    }

    /**
     * One statement for all of a notice's deliveries: the log rows (a repeated dedupe key inserts
     * nothing) and, for the in-app one, its inbox message.
     */
    private List<UUID> queue(UUID institutionId, @Nullable UUID customerId, NotificationEvent event,
                             Map<String, String> values, String language, @Nullable String dedupeKey, List<Target> targets,
                             Instant now) {
        Templates.Rendered text = templates.render(event, language, values);
        Instant due = event.bypassesQuietHours() ? now
                : quietHours.nextAllowed(now.atZone(clock.getZone())).toInstant();
        List<Object> params = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        Map<UUID, String> statuses = new LinkedHashMap<>();
        for (Target target : targets) {
            UUID id = UUID.randomUUID();
            boolean inApp = target.channel() == Channel.IN_APP;
            String status = target.skipReason() != null ? "SKIPPED" : inApp ? "SENT" : "PENDING";
            statuses.put(id, status);
            rows.append(rows.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(Arrays.asList(id, institutionId, event.name(), target.channel().name(), language, customerId,
                    values.get("reference"), target.recipientMasked(), target.address(),
                    target.channel() == Channel.SMS ? null : text.subject(),
                    target.channel() == Channel.SMS ? text.sms() : text.body(), status,
                    event.bypassesQuietHours(), inApp ? 1 : 0,
                    status.equals("PENDING") ? Timestamp.from(due) : null,
                    due.isAfter(now) && status.equals("PENDING") ? Timestamp.from(due) : null,
                    target.skipReason(), dedupeKey, Timestamp.from(now),
                    status.equals("PENDING") ? null : Timestamp.from(now)));
        }
        params.addAll(Arrays.asList(UUID.randomUUID(), institutionId, customerId, event.name(), text.subject(), text.body(),
                Timestamp.from(now), customerId));
        Set<UUID> inserted = new HashSet<>(jdbc.sql("""
                with logged as (
                    insert into notification_delivery (id, institution_id, event, channel, language, customer_id, reference,
                        recipient_masked, address, subject, body, status, bypasses_quiet_hours, attempts, next_attempt_at,
                        deferred_until, last_error, dedupe_key, created_at, closed_at)
                    values %s
                    on conflict (institution_id, dedupe_key, channel) do nothing
                    returning id, channel),
                inbox as (
                    insert into notification_inbox (id, institution_id, customer_id, delivery_id, event, title, body, created_at)
                    select ?, ?, ?, logged.id, ?, ?, ?, ? from logged where logged.channel = 'IN_APP' and ?::uuid is not null)
                select id from logged""".formatted(rows))
                .params(params).query(UUID.class).list());
        List<UUID> logged = new ArrayList<>();
        List<UUID> queued = new ArrayList<>();
        statuses.forEach((id, status) -> {
            if (inserted.contains(id)) {
                logged.add(id);
                if (status.equals("PENDING")) {
                    queued.add(id);
                }
            }
        });
        if (!due.isAfter(now)) {
            dispatcher.attemptAfterCommit(institutionId, queued, now);
        }
        return logged;
    }

    private static void requireValues(NotificationEvent event, Map<String, String> values) {
        for (String name : event.requiredValues()) {
            if (values.get(name) == null) {
                throw new IllegalArgumentException("Notice " + event + " needs the value " + name);
            }
        }
    }

    /** The customer's e-mail and language; Chinese and no e-mail when they never set them. */
    record Contact(@Nullable String email, String language) {
    }

    Contact contact(UUID customerId) {
        return jdbc.sql("select email, language from notification_contact where customer_id = ?").param(customerId)
                .query((rs, n) -> new Contact(rs.getString(1), rs.getString(2))).optional()
                .orElse(new Contact(null, "zh"));
    }

    /** Where a customer's notices go: the masked mobile (null when none), the e-mail and the language. */
    record Recipient(@Nullable String mobileMasked, @Nullable String email, String language) {
    }

    private Recipient recipient(UUID customerId) {
        Contact contact = contact(customerId);
        String mobile = customers.contacts(customerId).stream().findFirst().map(CustomerContact::mobileMasked).orElse(null);
        return new Recipient(mobile, contact.email(), contact.language());
    }

    @Override
    @Transactional
    public void setContact(UUID customerId, @Nullable String emailAddress, String language) {
        if (!"zh".equals(language) && !"en".equals(language)) {
            throw new IllegalArgumentException("language must be zh or en");
        }
        String address = emailAddress == null || emailAddress.isBlank() ? null : emailAddress.strip();
        if (address != null && !address.matches("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{2,}")) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        Optional<UUID> institution = jdbc.sql("select institution_id from customer where id = ?").param(customerId)
                .query(UUID.class).optional();
        UUID institutionId = institution.orElseThrow(() -> new IllegalArgumentException("unknown customer"));
        jdbc.sql("""
                insert into notification_contact (institution_id, customer_id, email, language, updated_at) values (?, ?, ?, ?, ?)
                on conflict (institution_id, customer_id) do update set email = excluded.email, language = excluded.language,
                    updated_at = excluded.updated_at""")
                .params(institutionId, customerId, address, language, Timestamp.from(clock.instant()))
                .update();
        recipients.forget();
    }

    @Override
    @Transactional(readOnly = true)
    public List<InboxMessage> inbox(UUID customerId, int limit) {
        return jdbc.sql("""
                        select id, event, title, body, created_at, read_at from notification_inbox
                        where customer_id = ? order by created_at desc, id limit ?""")
                .params(customerId, Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new InboxMessage(rs.getObject(1, UUID.class), NotificationEvent.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        Deliveries.instant(rs.getTimestamp(6))))
                .list();
    }

    @Override
    @Transactional
    public boolean markRead(UUID customerId, UUID messageId) {
        return jdbc.sql("update notification_inbox set read_at = coalesce(read_at, ?) where id = ? and customer_id = ?")
                .params(Timestamp.from(clock.instant()), messageId, customerId).update() == 1;
    }
}
