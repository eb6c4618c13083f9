package org.xiaodai.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One in-app message (站内信) as the portal shows it. */
public record InboxMessage(UUID id, NotificationEvent event, String title, String body, Instant createdAt,
                           @Nullable Instant readAt) {
}
