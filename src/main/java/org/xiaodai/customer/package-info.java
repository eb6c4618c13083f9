/**
 * Customers (客户): individual and enterprise borrowers with what a lender needs to know, their
 * personal data encrypted at rest (AES-GCM, key id beside each value, HMAC blind indexes for exact
 * lookup) and masked on every screen unless a permitted, audited full view is asked for; related
 * parties, documents and separate consents; the regional blacklist and duplicate / multi-lending
 * detection, which cross the tenant wall only through narrow hit/miss and count functions.
 * <p>
 * Other modules use {@link org.xiaodai.customer.Customers} (is there a live consent, a blacklist
 * hit, how many other institutions hold this borrower).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers",
        allowedDependencies = {"iam", "audit", "shared", "platform::web"})
package org.xiaodai.customer;
