package org.xiaodai.origination.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.xiaodai.approval.DecisionView;

/** An application as the API and pages show it; explanations in the caller's language. */
@Schema(description = "A loan application with its score, flags, decisions and, once approved, its contract.")
public record ApplicationView(UUID id, String status, UUID customerId, String customerName, UUID productId,
                              int productVersion, String productName, BigDecimal amount, int numberOfRepayments,
                              BigDecimal annualInterestRatePercent,
                              @Schema(description = "The annualised rate (年化利率) of the requested terms, fees included.")
                              @Nullable BigDecimal annualPercentageRate,
                              String purpose, String channel, Map<String, Object> answers, List<String> documents,
                              @Schema(description = "Required documents of the product's checklist not yet provided.")
                              List<String> missingDocuments, List<CollateralLine> collateral, List<GuarantorLine> guarantors,
                              @Nullable Score score, List<FlagLine> flags, List<DecisionView> decisions,
                              @Nullable String route, @Nullable String openLevel,
                              @Nullable BigDecimal approvedAmount, @Nullable BigDecimal approvedAnnualInterestRatePercent,
                              @Nullable String conditions, List<FlagLine> declineReasons, boolean humanReviewRequested,
                              @Nullable BureauReport creditReport, List<Investigation> investigations,
                              @Nullable UUID contractId, @Nullable UUID loanId, UUID ownerId, Instant createdAt,
                              @Nullable Instant submittedAt, @Nullable Instant decidedAt) {

    /** The A-card score with its reasons. */
    public record Score(int score, String grade, BigDecimal probabilityOfDefault, List<String> reasons, String model) {
    }

    /** A flag or reason: a code and its explanation in plain words. */
    public record FlagLine(String code, String message) {
    }

    /** A collateral item with its loan-to-value limit. */
    public record CollateralLine(String type, @Nullable String description, BigDecimal valuation, LocalDate valuationDate,
                                 BigDecimal loanToValueLimit) {
    }

    /** A guarantor (a customer of the institution). */
    public record GuarantorLine(UUID customerId, String name) {
    }

    /** A pre-loan investigation record. */
    public record Investigation(UUID id, LocalDate visitDate, String findings, List<String> attachments, UUID createdBy,
                                Instant createdAt) {
    }
}
