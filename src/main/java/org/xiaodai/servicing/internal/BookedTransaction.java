package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A transaction booked for a loan, with the allocation it had when booked.
 *
 * @param reversed whether a later reversal names it
 */
public record BookedTransaction(UUID id, String kind, LocalDate date, BigDecimal amount, String channel,
                                BigDecimal penalty, BigDecimal interest, BigDecimal principal, BigDecimal toCredit,
                                UUID reversesId, boolean reversed, String note, Instant createdAt) {
}
