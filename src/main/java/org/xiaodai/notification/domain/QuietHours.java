package org.xiaodai.notification.domain;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Quiet hours (免打扰时段): no reminder or notice reaches a borrower between {@code start} and
 * {@code end} local time (22:00–08:00 by default, a window that may cross midnight). A notice
 * falling inside waits for the end of the window; one-time codes are never held back.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(start, "start must not be null");
        Objects.requireNonNull(end, "end must not be null");
    }

    /** True when {@code at} (in the recipient's zone) is inside the window; an empty window (start = end) never is. */
    public boolean contains(ZonedDateTime at) {
        LocalTime t = at.toLocalTime();
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** {@code at} itself outside the window, else the end of the window it is in. */
    public ZonedDateTime nextAllowed(ZonedDateTime at) {
        if (!contains(at)) {
            return at;
        }
        ZonedDateTime endToday = at.with(end).withSecond(0).withNano(0);
        return endToday.isAfter(at) ? endToday : endToday.plusDays(1);
    }
}
