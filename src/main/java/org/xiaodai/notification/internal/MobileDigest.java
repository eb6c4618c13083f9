package org.xiaodai.notification.internal;

import org.springframework.stereotype.Component;
import org.xiaodai.customer.Customers;

/**
 * How the module finds a mobile's rows without keeping the number: an HMAC under the personal-data
 * blind-index key ({@code XIAODAI_INDEX_KEY}, through {@link Customers#keyedDigest}), one per purpose. An
 * unkeyed SHA-256 of an 11-digit mobile is reversed by trying the ~10⁹ numbers; this is not, without the key.
 */
@Component
class MobileDigest {

    private final Customers customers;

    MobileDigest(Customers customers) {
        this.customers = customers;
    }

    /** The one-time codes of a number (rate limits, verification). */
    String ofCodes(String mobile) {
        return customers.keyedDigest("notification.otc-mobile", mobile);
    }

    /** The simulated gateway's messages to a number. */
    String ofSimulatedSms(String mobile) {
        return customers.keyedDigest("notification.sms", mobile);
    }
}
