package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A repayment was booked and allocated (还款入账).
 *
 * @param channel {@code WITHHOLDING}, {@code TRANSFER}, {@code CASH} or {@code MANUAL}
 */
public record RepaymentReceived(UUID transactionId, UUID loanId, UUID institutionId, LocalDate businessDate,
                                BigDecimal amount, String channel, BigDecimal penalty, BigDecimal interest,
                                BigDecimal principal, BigDecimal toCredit) {
}
