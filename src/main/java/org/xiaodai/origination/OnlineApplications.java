package org.xiaodai.origination;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.xiaodai.calc.Installment;

/**
 * Origination as a borrower uses it online (the borrower portal): the terms priced before they
 * apply, an application made and submitted in one step, its progress with the reasons of a decline
 * in plain words, and the request for a human review (DOMAIN.md §8). Every method runs inside the
 * caller's tenant wall and is narrowed to the customer it is given: another customer's application
 * answers empty (404).
 */
public interface OnlineApplications {

    /** The schedule and the annualised rate (fees included) of these terms under the product, or the problems. */
    OnlineQuote quote(UUID productId, BigDecimal amount, int numberOfRepayments, BigDecimal annualInterestRatePercent);

    /**
     * Creates and submits an application (channel ONLINE) for the customer; checks, credit bureau and
     * score run as for a staff submission, and an automatic decision (and its contract) happens at once.
     * The same idempotency key twice answers the first application.
     *
     * @throws org.xiaodai.shared.problem.ProblemException 400 naming the field, 409 without a credit-bureau consent
     */
    UUID apply(OnlineApplication application);

    /** The customer's applications, newest first, with their outcome in the caller's language. */
    List<OnlineProgress> ofCustomer(UUID customerId);

    /** One of the customer's applications; empty when it is somebody else's or unknown. */
    Optional<OnlineProgress> ofCustomer(UUID customerId, UUID applicationId);

    /** The customer asks a person to look at an automatic decline again; 404 for another's, 409 unless declined. */
    void requestHumanReview(UUID customerId, UUID applicationId);

    /** The customer an application of the current institution is for (to tell them about it); empty when unknown. */
    Optional<UUID> customerOf(UUID applicationId);

    record OnlineApplication(UUID customerId, UUID productId, BigDecimal amount, int numberOfRepayments,
                       BigDecimal annualInterestRatePercent, String purpose, java.util.Map<String, Object> answers,
                       List<String> documents, @Nullable String idempotencyKey, @Nullable String clientAddress, String actorName) {
    }

    record OnlineQuote(@Nullable BigDecimal annualPercentageRate, @Nullable BigDecimal rateCapPercent,
                 @Nullable BigDecimal firstInstallment, @Nullable BigDecimal totalInterest,
                 @Nullable BigDecimal totalRepayment, @Nullable BigDecimal upfrontFees, List<Installment> installments,
                 List<String> problemFields) {
    }

    /** A reason in plain words: its code and the sentence. */
    record DeclineReason(String code, String message) {
    }

    record OnlineProgress(UUID id, String status, UUID productId, String productName, BigDecimal amount, int numberOfRepayments,
                    BigDecimal annualInterestRatePercent, @Nullable BigDecimal annualPercentageRate,
                    List<String> missingDocuments, List<DeclineReason> declineReasons, boolean humanReviewRequested,
                    @Nullable BigDecimal approvedAmount, @Nullable UUID contractId, @Nullable UUID loanId,
                    Instant createdAt, @Nullable Instant decidedAt) {
    }
}
