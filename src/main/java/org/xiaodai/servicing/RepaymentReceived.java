package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A repayment was booked and allocated (还款入账).
 * <p>
 * Externalised to the Kafka topic {@code xiaodai.servicing.loans}, keyed by loan (in order per loan), when a
 * broker is configured; supervision records it in the regulator's real-time feed.
 *
 * @param channel {@code WITHHOLDING}, {@code TRANSFER}, {@code CASH} or {@code MANUAL}
 */
@Externalized("xiaodai.servicing.loans::#{loanId()}")
public record RepaymentReceived(UUID transactionId, UUID loanId, UUID institutionId, LocalDate businessDate,
                                BigDecimal amount, String channel, BigDecimal penalty, BigDecimal interest,
                                BigDecimal principal, BigDecimal toCredit) {
}
