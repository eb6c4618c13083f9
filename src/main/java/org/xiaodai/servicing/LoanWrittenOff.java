package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A loan was written off (核销) after maker-checker approval.
 * <p>
 * Externalised to the Kafka topic {@code xiaodai.servicing.loans}, keyed by loan (in order per loan), when a
 * broker is configured; supervision records it in the regulator's real-time feed.
 */
@Externalized("xiaodai.servicing.loans::#{loanId()}")
public record LoanWrittenOff(UUID loanId, UUID institutionId, LocalDate businessDate, BigDecimal principal,
                             BigDecimal interest, BigDecimal penalty, UUID approvedBy) {
}
