package org.xiaodai.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a loan owes as of a date after its repayments: the {@code expected} keys of the servicing
 * README §4. Amounts have exactly the currency's decimals.
 *
 * @param asOf the date of the position
 * @param status paid off, overdue or active
 * @param daysPastDue days since the due date of the oldest installment past due, 0 if none
 * @param grade 五级分类 by {@code daysPastDue} and the policy's table
 * @param principalOutstanding principal not yet paid, due or not
 * @param overduePrincipal unpaid principal of installments due before {@code asOf}
 * @param overdueInterest unpaid interest of installments due before {@code asOf}
 * @param penaltyOutstanding penalty charged and not yet paid
 * @param accruedInterest interest earned in the current period but not yet due
 * @param credit the credit balance (溢缴款)
 * @param allocations one per repayment, in order
 * @param installments one per schedule row, in order
 */
public record LoanPosition(LocalDate asOf, LoanStatus status, long daysPastDue, FiveLevelGrade grade,
                           BigDecimal principalOutstanding, BigDecimal overduePrincipal, BigDecimal overdueInterest,
                           BigDecimal penaltyOutstanding, BigDecimal accruedInterest, BigDecimal credit,
                           List<RepaymentAllocation> allocations, List<InstallmentPosition> installments) {

    public LoanPosition {
        allocations = List.copyOf(allocations);
        installments = List.copyOf(installments);
    }
}
