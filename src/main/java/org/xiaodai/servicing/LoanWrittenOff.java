package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A loan was written off (核销) after maker-checker approval. */
public record LoanWrittenOff(UUID loanId, UUID institutionId, LocalDate businessDate, BigDecimal principal,
                             BigDecimal interest, BigDecimal penalty, UUID approvedBy) {
}
