package org.xiaodai.customer.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.xiaodai.customer.domain.PiiCipher;
import org.xiaodai.customer.domain.SealedValue;
import org.xiaodai.customer.domain.ValidCustomer;
import org.xiaodai.shared.Masking;

/**
 * Turns a customer's identifiers into what is stored (ciphertext, key id, blind index, masked
 * form) and back. The associated data binds each ciphertext to its row and field.
 */
@Component
class PiiFields {

    static final String ID_NUMBER = "idNumber";
    static final String MOBILE = "mobile";
    static final String BANK_CARD = "bankCard";
    static final String PERSON = "person";
    static final String DIGEST = "digest:";
    private final PiiCipher cipher;

    PiiFields(PiiCipher cipher) {
        this.cipher = cipher;
    }

    CustomerRow sealCustomer(UUID id, UUID institution, ValidCustomer c, String branchPath, UUID owner, Instant at) {
        SealedValue idNumber = cipher.seal(c.idNumber(), aad("customer", id, ID_NUMBER));
        SealedValue mobile = c.mobile() == null ? null : cipher.seal(c.mobile(), aad("customer", id, MOBILE));
        SealedValue card = c.bankCard() == null ? null : cipher.seal(c.bankCard(), aad("customer", id, BANK_CARD));
        return new CustomerRow(id, institution, c.kind(), c.name(), idNumber.ciphertext(), idNumber.keyId(),
                idNumberIndex(c.idNumber()), maskId(c.idNumber()),
                mobile == null ? null : mobile.ciphertext(), mobile == null ? null : mobile.keyId(),
                c.mobile() == null ? null : mobileIndex(c.mobile()), Masking.maskMobile(c.mobile()),
                card == null ? null : card.ciphertext(), card == null ? null : card.keyId(),
                Masking.maskBankCard(c.bankCard()), c.bankCardLuhnWarning(), c.regionCode(), c.address(),
                c.industryCode(), c.employer(), c.monthlyIncome(), c.legalRepresentative(), c.registeredCapital(),
                branchPath, owner, at);
    }

    CustomerPii open(CustomerRow r) {
        return new CustomerPii(r.id(), open(r.idNumberCipher(), r.idNumberKeyId(), aad("customer", r.id(), ID_NUMBER)),
                open(r.mobileCipher(), r.mobileKeyId(), aad("customer", r.id(), MOBILE)),
                open(r.bankCardCipher(), r.bankCardKeyId(), aad("customer", r.id(), BANK_CARD)));
    }

    SealedValue seal(String table, UUID id, String field, String plaintext) {
        return plaintext == null ? null : cipher.seal(plaintext, aad(table, id, field));
    }

    String open(byte[] ciphertext, String keyId, String associatedData) {
        return ciphertext == null ? null : cipher.open(new SealedValue(keyId, ciphertext), associatedData);
    }

    byte[] idNumberIndex(String normalised) {
        return cipher.blindIndex(ID_NUMBER, normalised);
    }

    byte[] mobileIndex(String normalised) {
        return cipher.blindIndex(MOBILE, normalised);
    }

    /** The person key: the ID number and mobile, normalised, under the blind-index key (hex). */
    String personKey(String idNumber, String mobile) {
        return java.util.HexFormat.of().formatHex(cipher.blindIndex(PERSON, idNumber + "\u0000" + mobile));
    }

    /** A keyed digest for another module's lookups, separated from the customer's own indexes by its purpose (hex). */
    String keyedDigest(String purpose, String value) {
        return java.util.HexFormat.of().formatHex(cipher.blindIndex(DIGEST + purpose, value));
    }

    PiiCipher cipher() {
        return cipher;
    }

    /** An ID number as screens show it: first 4 and last 4 (a USCC identifies a firm, not a person, but is masked alike). */
    static String maskId(String idNumber) {
        return Masking.maskResidentId(idNumber);
    }

    static String aad(String table, UUID id, String field) {
        return table + ":" + id + ":" + field;
    }
}
