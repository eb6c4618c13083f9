package org.xiaodai.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests of any module whose outcome includes a text or an e-mail actually going out. SMS and e-mail queued in
 * the quiet hours (22:00–08:00 region time, so 14:00–24:00 UTC) wait for their end, and a test run then would wait in
 * vain: here a delivery held back that way is attempted at the quiet hours' end, as the dispatch round would then.
 */
public final class HeldBackDeliveries {

    private HeldBackDeliveries() {
    }

    /** Waits until the delivery is sent, attempting it at the end of the quiet hours when they hold it back. */
    public static void deliver(ApplicationContext context, JdbcClient superuser, UUID institution, UUID delivery) {
        Dispatcher dispatcher = context.getBean(Dispatcher.class);
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            Map<String, Object> row = superuser.sql("select status, deferred_until from notification_delivery where id = ?")
                    .param(delivery).query().singleRow();
            if ("SENT".equals(row.get("status"))) {
                return;
            }
            assertThat(row.get("status")).as("delivery %s", delivery).isEqualTo("PENDING");
            if (row.get("deferred_until") != null) {
                dispatcher.attempt(institution, delivery, ((Timestamp) row.get("deferred_until")).toInstant());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("never sent: " + delivery);
    }
}
