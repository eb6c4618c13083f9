package org.xiaodai.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.shared.Masking;

/**
 * A simulated SMS gateway (模拟短信网关): instead of reaching a phone it records each message
 * (masked number, text, time) in {@code notification_simulated_sms}, which the platform operator
 * reads on {@code /notifications/simulated-sms} in a demo. Like a real gateway it refuses some
 * numbers: those of the reserved test range {@code 1700000xxxx} are "unreachable", so retries and
 * final failure can be seen.
 */
@Component
class SimulatedSmsGateway implements SmsGateway {

    static final String UNREACHABLE_PREFIX = "1700000";

    private final JdbcClient jdbc;
    private final Clock clock;

    private final MobileDigest digest;

    SimulatedSmsGateway(JdbcClient jdbc, Clock clock, MobileDigest digest) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.digest = digest;
    }

    @Override
    public void send(UUID institutionId, UUID deliveryId, String mobile, String text) throws DeliveryException {
        if (mobile.startsWith(UNREACHABLE_PREFIX)) {
            throw new DeliveryException("simulated gateway: number unreachable");
        }
        jdbc.sql("""
                insert into notification_simulated_sms (id, institution_id, delivery_id, mobile_masked, mobile_hash, body, sent_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), institutionId, deliveryId, Masking.maskMobile(mobile), digest.ofSimulatedSms(mobile), text,
                        Timestamp.from(clock.instant()))
                .update();
    }
}
