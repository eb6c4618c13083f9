package org.xiaodai.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.ServicingPolicy;

/**
 * The borrower accepted a contract: {@code servicing} opens the loan, pending disbursement, with
 * this schedule fixed. Published synchronously inside the acceptance transaction; servicing's
 * listener ({@code @EventListener}, same transaction) inserts the loan under the id chosen here,
 * so the acceptance answers with {@code loanId} and either both commit or neither.
 *
 * @param terms           the schedule's terms as agreed (principal, rate, method, dates); the
 *                        disbursement date is the expected one and servicing re-dates the schedule
 *                        to the actual business date of disbursement
 * @param policy          penalty, grace, compound interest and the five-level table of the product version
 * @param autoDebit       the borrower gave an auto-debit (代扣) mandate at acceptance
 * @param productVersion  the product version the application was made for
 * @param officerId       the loan officer who owns the application (data scope "own records")
 */
public record ContractAccepted(UUID contractId, String contractNumber, UUID loanId, UUID applicationId,
                               UUID institutionId, UUID branchId, UUID officerId, UUID customerId,
                               UUID productId, int productVersion, LoanTerms terms, ServicingPolicy policy,
                               BigDecimal upfrontFees, boolean autoDebit, Instant acceptedAt) {
}
