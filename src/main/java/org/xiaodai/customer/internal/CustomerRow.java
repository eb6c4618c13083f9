package org.xiaodai.customer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.xiaodai.customer.CustomerKind;

/** A stored customer: ciphertexts, key ids, blind indexes and masked forms, never a plaintext identifier. */
record CustomerRow(UUID id, UUID institutionId, CustomerKind kind, String name,
                   byte[] idNumberCipher, String idNumberKeyId, byte[] idNumberIndex, String idNumberMasked,
                   byte[] mobileCipher, String mobileKeyId, byte[] mobileIndex, String mobileMasked,
                   byte[] bankCardCipher, String bankCardKeyId, String bankCardMasked, boolean bankCardLuhnWarning,
                   String regionCode, String address, String industryCode, String employer, BigDecimal monthlyIncome,
                   String legalRepresentative, BigDecimal registeredCapital, String branchPath, UUID ownerId,
                   Instant createdAt) {
}
