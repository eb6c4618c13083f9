package org.xiaodai.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An application was submitted (or resubmitted after a return) and needs a decision. Published by
 * origination inside the submitting transaction; approval's listener opens a case in the same
 * transaction and, when the matrix decides automatically, answers at once with {@link ApprovalDecided}.
 *
 * @param round     1 for the first submission, +1 for each resubmission
 * @param makerId   the user who entered the application: never allowed to decide it
 * @param branchPath the application's branch path: the reviewer pool is that branch's subtree
 * @param grade     the score grade A … E, null when no model scored it
 * @param flags     the codes of the flags the checks on submit raised
 */
public record ApprovalRequested(UUID applicationId, UUID institutionId, int round, UUID makerId,
                                @Nullable String branchPath, UUID productId, String productCode, String productName,
                                String customerName, BigDecimal amount, BigDecimal annualRatePercent,
                                int numberOfRepayments, @Nullable Integer score, @Nullable String grade,
                                List<String> flags, Instant submittedAt) {

    public ApprovalRequested {
        flags = List.copyOf(flags);
    }
}
