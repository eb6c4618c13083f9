package org.xiaodai.customer;

import java.util.List;
import java.util.Optional;
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
     * The customer's mobile number in full, for delivering a message to them (notification) and
     * nothing else: never shown, logged or stored elsewhere. Empty for an unknown customer or none.
     */
    Optional<String> mobileForDelivery(UUID customerId);

    /**
     * Whom a lender may contact about the customer's loans (DOMAIN.md §9): the customer first, then
     * the related parties the customer named, masked. Empty for an unknown or foreign customer.
     */
    List<CustomerContact> contacts(UUID customerId);

    /**
     * The customer's profile for applications and contracts (names, masked identifiers, the facts
     * the fraud checks compare), or empty when the customer is unknown or another institution's.
     */
    java.util.Optional<CustomerProfile> profile(UUID customerId);

    /**
     * The individual customer of the current institution whose ID number and mobile are exactly
     * these (blind indexes), for the borrower portal to find the record a signed-up borrower is.
     * Empty when none or the values are not valid.
     */
    Optional<UUID> individualMatching(String idNumber, String mobile);

    /**
     * The person key of an individual: HMAC-SHA256 with the blind-index key ({@code XIAODAI_INDEX_KEY})
     * over the normalised ID number and mobile, hex. The same person gets the same key in every
     * institution; it is what {@link IndividualCustomerRecorded} carries. Empty when either value is not valid.
     */
    Optional<String> personKey(String idNumber, String mobile);

    /** The person key of an individual customer of the current institution with a mobile; empty otherwise. */
    Optional<String> personKeyOf(UUID customerId);

    /**
     * A keyed digest (HMAC-SHA256 with the blind-index key, separated by {@code purpose}), hex, for another
     * module that must find a row by a personal value it must not keep in plain or under an unkeyed hash
     * (the borrower portal's sign-in by mobile).
     */
    String keyedDigest(String purpose, String value);

    /** The individual customer of the current institution with this ID number (blind index), for demo seeding. */
    Optional<UUID> individualWithIdNumber(String idNumber);

    /**
     * Records a separate consent the customer gave themselves online (the borrower portal): purpose,
     * text version and the time, audited. Joins the caller's transaction.
     *
     * @throws org.xiaodai.shared.problem.ProblemException 404 for a customer the wall hides, 400 for a bad text version
     */
    void recordOwnConsent(UUID customerId, ConsentPurpose purpose, String textVersion, String actorName);

    /**
     * Stores a document the customer uploaded themselves (type sniffed from the bytes, as for staff uploads).
     *
     * @param category ID_IMAGE, INCOME_PROOF, BUSINESS_LICENCE or OTHER
     * @return the document id
     */
    UUID addOwnDocument(UUID customerId, String category, String fileName, byte[] content, String actorName);

    /** The customer's documents: id, category, file name, when. */
    List<OwnDocument> documents(UUID customerId);

    /**
     * The customers of the current institution whose stored ID number fails its format or check digit
     * ({@code DOMAIN.md} §7: an individual's resident ID, ISO 7064 MOD 11-2; an enterprise's unified social
     * credit code, GB 32100-2015), decrypted and checked inside this module (the numbers never leave it),
     * for reporting's data-quality engine. Values entered through the application are checked on entry,
     * so what this finds is data written around it (imports, repairs).
     *
     * @param asOf the date a resident ID's birth date must not be after
     */
    java.util.Set<UUID> failingIdCheckDigits(java.time.LocalDate asOf);

    /** A document as the customer sees it in their list. */
    record OwnDocument(UUID id, String category, String fileName, java.time.Instant uploadedAt) {
    }
}
