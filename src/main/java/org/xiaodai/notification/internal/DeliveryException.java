package org.xiaodai.notification.internal;

/**
 * A channel adapter could not deliver a message. The message is what the delivery log keeps as the
 * last error: it must name the failure without personal data (no address, no message text).
 */
class DeliveryException extends Exception {

    DeliveryException(String message) {
        super(message);
    }

    DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
