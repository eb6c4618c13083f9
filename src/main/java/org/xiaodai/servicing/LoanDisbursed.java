package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The payment channel paid the whole principal out (放款成功); the loan is active from {@code disbursementDate}.
 * <p>
 * Externalised to the Kafka topic {@code xiaodai.servicing.loans}, keyed by loan (in order per loan), when a
 * broker is configured; supervision records it in the regulator's real-time feed.
 */
@Externalized("xiaodai.servicing.loans::#{loanId()}")
public record LoanDisbursed(UUID loanId, UUID institutionId, UUID customerId, UUID productId, UUID disbursementId,
                            BigDecimal amount, String currency, LocalDate disbursementDate, LocalDate maturityDate) {
}
