package org.xiaodai.customer;

import java.util.UUID;

/**
 * The customer module's face for other modules (origination, servicing, reporting). Every method
 * runs inside the caller's tenant wall.
 */
public interface Customers {

    /**
     * Whether the customer has a separate consent for {@code purpose} that is granted, not revoked
     * and not expired now. Origination refuses a credit-bureau query without one.
     *
     * @param customerId a customer of the current institution; an unknown or foreign one has none
     */
    boolean hasLiveConsent(UUID customerId, ConsentPurpose purpose);

    /** The regional blacklist's answer for the customer's ID number (hit/miss and reason categories). */
    BlacklistHit blacklist(UUID customerId);

    /**
     * How many other institutions of the region hold the customer's ID number (撞单 / 多头借贷) —
     * a count, never which ones.
     */
    int institutionsElsewhere(UUID customerId);

    /**
     * The customer's profile for applications and contracts (names, masked identifiers, the facts
     * the fraud checks compare), or empty when the customer is unknown or another institution's.
     */
    java.util.Optional<CustomerProfile> profile(UUID customerId);
}
