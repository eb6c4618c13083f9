package org.xiaodai.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What reporting shows: a return, its statistical lines, data quality, loan-level rows and receipts. */
public final class ReturnViews {

    private ReturnViews() {
    }

    /** One version of an institution's monthly return. */
    public record ReturnView(UUID id, UUID institutionId, @Nullable String institutionName, String period, int version,
                             String status, LocalDate asOf, LocalDate collectedOn, LocalDate dueOn, int loans,
                             BigDecimal balance, boolean late, Instant generatedAt, String generatedBy,
                             @Nullable Instant submittedAt, @Nullable String submittedBy,
                             @Nullable Instant receiptAt) {
    }

    /** Data quality of a return: the score (share of checks passed, in percent) and one result per rule. */
    public record DataQuality(BigDecimal score, List<RuleResult> rules) {
    }

    /** One rule's result: how many rows it checked, how many failed, its pass rate in percent. */
    public record RuleResult(String rule, String category, int checked, int failed, BigDecimal rate) {
    }

    /** A failing row of a rule (drill-down). */
    public record Failure(String rule, @Nullable Integer row, @Nullable UUID loanId, @Nullable String detail) {
    }

    /** One line of the statistical return: a dimension (GRADE, PRODUCT, …) and its key. */
    public record Line(String dimension, String key, int loans, BigDecimal balance, BigDecimal overduePrincipal,
                       BigDecimal nplBalance, int newLoans, BigDecimal newAmount, BigDecimal repaid) {
    }

    /** The regulator's receipt with its row-level rejections. */
    public record Receipt(UUID id, boolean accepted, @Nullable String note, Instant receivedAt, String receivedBy,
                          List<Rejection> rejections) {
    }

    public record Rejection(int row, String reason) {
    }

    /** A return with everything reviewed before submitting: the contract's {@code id, status, dataQuality}. */
    public record ReturnDetail(UUID id, String status, ReturnView header, DataQuality dataQuality, List<Line> lines,
                               @Nullable Receipt receipt, List<ReturnView> versions) {
    }

    /** One row of the loan-level monthly detail (月度表现信息段), names as in {@code returns.xsd}. */
    public record LoanDetail(int row, UUID loanId, @Nullable String contractNumber, UUID customerId, UUID productId,
                             String currency, BigDecimal principal, BigDecimal annualRatePercent,
                             LocalDate disbursementDate, @Nullable LocalDate maturityDate, LocalDate settlementDate,
                             String reportCode, String accountStatus, BigDecimal balance, int remainingPeriods,
                             String gradeCode, @Nullable LocalDate gradeChangedOn, String repaymentStatus,
                             int daysPastDue, int overduePeriods, BigDecimal overdueTotal, BigDecimal overduePrincipal,
                             BigDecimal overdue31To60, BigDecimal overdue61To90, BigDecimal overdue91To180,
                             BigDecimal overdueOver180, BigDecimal amountDue, BigDecimal amountPaid,
                             @Nullable LocalDate lastPaymentOn, @Nullable LocalDate closedOn) {
    }
}
