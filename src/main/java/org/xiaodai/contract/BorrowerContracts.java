package org.xiaodai.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Contracts as the borrower reads and accepts them (the borrower portal): the exact text and its
 * version, the PDF, and acceptance, which publishes {@link ContractAccepted} so servicing opens
 * the loan. Inside the caller's tenant wall and narrowed to the customer given: another
 * customer's contract is empty (404).
 */
public interface BorrowerContracts {

    /** The customer's contracts, newest first. */
    List<BorrowerContract> ofCustomer(UUID customerId);

    Optional<BorrowerContract> ofCustomer(UUID customerId, UUID contractId);

    /** The PDF of the customer's contract; empty for another's. */
    Optional<byte[]> pdf(UUID customerId, UUID contractId);

    /**
     * The customer accepts the text version they read. Accepting again answers the same contract.
     *
     * @throws org.xiaodai.shared.problem.ProblemException 404 for another's contract, 400 when the text version is not the contract's
     */
    BorrowerContract accept(UUID customerId, UUID contractId, String textVersion, boolean autoDebit, @Nullable String clientAddress,
                    String actorName);

    record BorrowerContract(UUID id, String contractNumber, UUID applicationId, String status, BigDecimal principal,
                    BigDecimal annualInterestRatePercent, BigDecimal annualPercentageRate, int numberOfRepayments,
                    BigDecimal upfrontFees, String textVersion, String text, Instant issuedAt,
                    @Nullable Instant acceptedAt, @Nullable UUID loanId) {
    }
}
