package org.xiaodai.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An approved application asks for its contract: published by origination inside the approving
 * transaction; the contract module issues the contract under {@code contractId} in the same
 * transaction (text rendered, number assigned, exact text stored), so the application knows its
 * contract at once and both commit or neither.
 *
 * @param contractId    the id the contract gets (chosen by the requester)
 * @param officerId     the loan officer who owns the application
 * @param amount        the approved principal
 * @param annualInterestRatePercent the approved contract rate
 * @param collateral    lines shown in the contract's collateral clause
 * @param guarantors    guarantor names shown in the guarantee clause
 * @param conditions    approval conditions, may be null
 */
public record ContractRequested(UUID contractId, UUID applicationId, UUID institutionId, @Nullable UUID branchId,
                                @Nullable String branchPath, UUID officerId, UUID customerId, UUID productId,
                                int productVersion, BigDecimal amount, BigDecimal annualInterestRatePercent,
                                int numberOfRepayments, String purpose, List<String> collateral,
                                List<String> guarantors, @Nullable String conditions) {

    public ContractRequested {
        collateral = List.copyOf(collateral);
        guarantors = List.copyOf(guarantors);
    }
}
