package org.xiaodai.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.xiaodai.notification.Channel;
import org.xiaodai.notification.NotificationEvent;

/** Row types and small helpers of the delivery log. */
final class Deliveries {

    private Deliveries() {
    }

    enum Status { PENDING, SENT, FAILED, SKIPPED }

    /** A delivery as the dispatcher needs it. */
    record Open(UUID id, UUID institutionId, NotificationEvent event, Channel channel, @Nullable UUID customerId,
                @Nullable String address, @Nullable String subject, String body, boolean bypassesQuietHours, int attempts,
                String language) {

        static Open map(ResultSet rs, int n) throws SQLException {
            return new Open(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                    NotificationEvent.valueOf(rs.getString("event")), Channel.valueOf(rs.getString("channel")),
                    rs.getObject("customer_id", UUID.class), rs.getString("address"), rs.getString("subject"),
                    rs.getString("body"), rs.getBoolean("bypasses_quiet_hours"), rs.getInt("attempts"),
                    rs.getString("language"));
        }
    }

    static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static @Nullable Timestamp timestamp(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** An e-mail address as logs and screens show it: {@code z***@example.com}. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
