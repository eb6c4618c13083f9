package org.xiaodai.product;

import java.math.BigDecimal;

/**
 * What an application asks of a product, checked by {@link Products#check}.
 *
 * @param principal the amount
 * @param numberOfRepayments the term in repayments
 * @param annualInterestRatePercent the contract rate
 * @param branchCode the branch taking the application, or null when none applies
 */
public record LoanOffer(BigDecimal principal, int numberOfRepayments, BigDecimal annualInterestRatePercent,
                        String branchCode) {
}
