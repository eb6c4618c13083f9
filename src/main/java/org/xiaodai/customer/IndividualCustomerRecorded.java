package org.xiaodai.customer;

import java.util.UUID;

/**
 * Published when an individual customer with a mobile number is recorded (created; and whenever
 * their ID number or mobile change, should the module ever allow it), inside the institution's
 * transaction. It carries no personal data: the {@code personKey} is the keyed digest of the ID number
 * and mobile ({@link Customers#personKey(String, String)}), so the borrower portal can link a
 * registered borrower with the same person key to the new record.
 *
 * @param institutionId the institution holding the customer
 * @param customerId    the customer
 * @param personKey     HMAC-SHA256 (the blind-index key) of the normalised ID number and mobile, hex
 */
public record IndividualCustomerRecorded(UUID institutionId, UUID customerId, String personKey) {
}
