package org.xiaodai.contract.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A contract as the API and pages show it, with the exact accepted text. */
@Schema(description = "A loan contract: its terms, the annualised rate, the exact text and, once accepted, the loan.")
public record ContractView(UUID id, String contractNumber, UUID applicationId, UUID customerId, String status,
                           BigDecimal principal, BigDecimal annualInterestRatePercent,
                           @Schema(description = "The annualised rate (年化利率), fees included: the figure printed largest.")
                           BigDecimal annualPercentageRate, int numberOfRepayments, BigDecimal upfrontFees,
                           String textVersion, String textSha256, String text, Instant issuedAt,
                           @Nullable Instant acceptedAt, @Nullable String acceptedAddress,
                           @Nullable String acceptedTextVersion, @Nullable Boolean autoDebit, @Nullable UUID loanId) {
}
