package org.xiaodai.approval.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One row of the authority matrix. A row matches when every condition it sets holds (an empty or
 * null condition matches anything); the first matching row decides.
 *
 * @param productCode    only applications for this product code; null for any
 * @param branchId       only applications of this branch or its sub-branches; null for any
 * @param minAmount      amount ≥ this; null for no lower bound
 * @param maxAmount      amount ≤ this; null for no upper bound
 * @param grades         score grades (A … E) it applies to; empty for any (an unscored application has no grade)
 * @param anyOfFlags     applies when the application carries at least one of these flags; empty: no condition
 * @param noFlags        applies only to applications without any flag
 * @param route          what happens
 * @param committeeVotes N: approvals needed in the committee (COMMITTEE only)
 * @param committeeSize  M: committee members who vote (COMMITTEE only)
 */
public record ApprovalRule(String productCode, UUID branchId, BigDecimal minAmount, BigDecimal maxAmount,
                           List<String> grades, List<String> anyOfFlags, boolean noFlags, Route route,
                           Integer committeeVotes, Integer committeeSize) {

    public ApprovalRule {
        grades = grades == null ? List.of() : List.copyOf(grades);
        anyOfFlags = anyOfFlags == null ? List.of() : List.copyOf(anyOfFlags);
    }

    /** Whether this row applies to {@code c}. */
    public boolean matches(Candidate c) {
        return (productCode == null || productCode.equals(c.productCode()))
                && (branchId == null || (c.branchPath() != null && c.branchPath().contains("/" + branchId + "/")))
                && (minAmount == null || c.amount().compareTo(minAmount) >= 0)
                && (maxAmount == null || c.amount().compareTo(maxAmount) <= 0)
                && (grades.isEmpty() || (c.grade() != null && grades.contains(c.grade())))
                && (anyOfFlags.isEmpty() || c.flags().stream().anyMatch(anyOfFlags::contains))
                && (!noFlags || c.flags().isEmpty());
    }

    /** What the matrix looks at. */
    public record Candidate(String productCode, String branchPath, BigDecimal amount, String grade, List<String> flags) {
    }
}
