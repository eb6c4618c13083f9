package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A repayment was reversed (冲正) by a compensating transaction; every later repayment was re-allocated. */
public record RepaymentReversed(UUID reversalId, UUID reversedTransactionId, UUID loanId, UUID institutionId,
                                LocalDate businessDate, BigDecimal amount, String reason) {
}
