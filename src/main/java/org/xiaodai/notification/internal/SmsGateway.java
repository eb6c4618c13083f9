package org.xiaodai.notification.internal;

import java.util.UUID;

/**
 * The SMS gateway adapter (短信网关). The default is {@link SimulatedSmsGateway}; a real operator's
 * gateway implements this interface as another bean.
 */
interface SmsGateway {

    /**
     * Sends {@code text} to {@code mobile} (11 digits), or throws naming the failure.
     *
     * @param deliveryId the delivery log entry, for the gateway's own correlation
     */
    void send(UUID institutionId, UUID deliveryId, String mobile, String text) throws DeliveryException;
}
