package org.xiaodai.notification.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.notification.Channel;
import org.xiaodai.notification.NotificationEvent;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;

/**
 * Reads the delivery log and the simulated gateway's record for pages and the API. The tenant wall
 * keeps an institution to its own deliveries; the platform operator sees the region.
 */
@Service
public class DeliveryLog {

    public static final ListQuery.Sorting SORTING = ListQuery.Sorting.by("createdAt", true, "createdAt", "event",
            "channel", "status", "attempts");

    private final JdbcClient jdbc;
    private final MobileDigest digest;

    DeliveryLog(JdbcClient jdbc, MobileDigest digest) {
        this.jdbc = jdbc;
        this.digest = digest;
    }

    /** One delivery log entry; the recipient masked, the text as sent. */
    @Schema(description = "A notification delivery: event, channel, masked recipient, status, attempts and last error.")
    public record Delivery(UUID id, NotificationEvent event, Channel channel, String language,
                           @Nullable UUID customerId, @Nullable String reference, String recipient,
                           @Nullable String subject, String body,
                           @Schema(example = "SENT", allowableValues = {"PENDING", "SENT", "FAILED", "SKIPPED"}) String status,
                           int attempts, @Nullable Instant nextAttemptAt, @Nullable Instant deferredUntil,
                           @Nullable String lastError, Instant createdAt, @Nullable Instant closedAt) {
    }

    /** A text message the simulated gateway recorded. */
    @Schema(description = "A text message as the simulated SMS gateway recorded it (masked number).")
    public record SimulatedSms(UUID id, UUID institutionId, UUID deliveryId, String mobile, String body, Instant sentAt) {
    }

    /** Filters of the delivery log; each null for any. */
    public record Filter(@Nullable String status, @Nullable String channel, @Nullable String event) {
    }

    @Transactional(readOnly = true)
    public PageResult<Delivery> page(Filter filter, ListQuery query) {
        return PagedQuery.over(jdbc, "select * from notification_delivery")
                .whereIf(known(filter.status(), List.of("PENDING", "SENT", "FAILED", "SKIPPED")), "t.status = :status", "status")
                .whereIf(known(filter.channel(), names(Channel.values())), "t.channel = :channel", "channel")
                .whereIf(known(filter.event(), names(NotificationEvent.values())), "t.event = :event", "event")
                .search("t.reference", "t.recipient_masked", "t.body")
                .sortable(Map.of("createdAt", "t.created_at", "event", "t.event", "channel", "t.channel",
                        "status", "t.status", "attempts", "t.attempts"))
                .tieBreaker("t.id")
                .fetch(query, DeliveryLog::delivery);
    }

    /** The newest messages of the simulated gateway, at most {@code limit}, for one number when given. */
    @Transactional(readOnly = true)
    public List<SimulatedSms> simulatedSms(@Nullable String mobile, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = "";
        if (mobile != null && !mobile.isBlank()) {
            where = "where mobile_hash = :hash";
            params.put("hash", digest.ofSimulatedSms(mobile.strip()));
        }
        params.put("limit", Math.max(1, Math.min(limit, 200)));
        return jdbc.sql("select * from notification_simulated_sms " + where + " order by sent_at desc, id limit :limit")
                .params(params)
                .query((rs, n) -> new SimulatedSms(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                        rs.getObject("delivery_id", UUID.class), rs.getString("mobile_masked"), rs.getString("body"),
                        rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    private static @Nullable String known(@Nullable String value, List<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static Delivery delivery(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Delivery(rs.getObject("id", UUID.class), NotificationEvent.valueOf(rs.getString("event")),
                Channel.valueOf(rs.getString("channel")), rs.getString("language"), rs.getObject("customer_id", UUID.class),
                rs.getString("reference"), rs.getString("recipient_masked"), rs.getString("subject"), rs.getString("body"),
                rs.getString("status"), rs.getInt("attempts"), Deliveries.instant(rs.getTimestamp("next_attempt_at")),
                Deliveries.instant(rs.getTimestamp("deferred_until")), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), Deliveries.instant(rs.getTimestamp("closed_at")));
    }
}
