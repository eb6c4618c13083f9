package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The payment channel paid the whole principal out (放款成功); the loan is active from {@code disbursementDate}. */
public record LoanDisbursed(UUID loanId, UUID institutionId, UUID customerId, UUID productId, UUID disbursementId,
                            BigDecimal amount, String currency, LocalDate disbursementDate, LocalDate maturityDate) {
}
