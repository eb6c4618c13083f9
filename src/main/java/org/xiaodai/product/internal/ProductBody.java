package org.xiaodai.product.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.jspecify.annotations.Nullable;
import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.EmiAdjustment;
import org.xiaodai.calc.InstallmentBasis;
import org.xiaodai.calc.InterestAccrual;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.RepaymentFrequency;
import org.xiaodai.calc.RoundingRule;
import org.xiaodai.product.AllocationBucket;
import org.xiaodai.product.ClassificationTable;
import org.xiaodai.product.DocumentType;
import org.xiaodai.product.FeeCharge;
import org.xiaodai.product.FeeKind;
import org.xiaodai.product.ProductType;
import org.xiaodai.product.SecurityType;

/**
 * A product definition as JSON: what {@code POST /api/v1/products} takes and what a product
 * version stores. Amounts and rates are decimal strings, enumerations their names; the schedule
 * conventions and the servicing policy use exactly the field names and values of the conformance
 * {@code terms} and {@code policy}. Everything is read as text first so that a wrong value is
 * reported against its field ({@link ProductBodyParser}).
 */
@Schema(name = "ProductDefinition", description = "A loan product definition. Amounts and rates are decimal strings, dates `YYYY-MM-DD`.")
public record ProductBody(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Unique in the institution: upper-case letters, digits, `-`.",
                example = "XF-01") String code,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "薪享贷") String name,
        @Schema(requiredMode = RequiredMode.REQUIRED, implementation = ProductType.class, example = "PERSONAL_CONSUMPTION")
        String productType,
        @Schema(requiredMode = RequiredMode.REQUIRED, implementation = SecurityType.class, example = "CREDIT")
        String securityType,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "ISO 4217.", example = "CNY") String currency,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = DECIMAL, example = "5000.00") String minPrincipal,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = DECIMAL, example = "200000.00") String maxPrincipal,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Shortest term, in repayments.", example = "6")
        Integer minNumberOfRepayments,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Longest term, in repayments.", example = "36")
        Integer maxNumberOfRepayments,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Lowest nominal annual rate, percent.", pattern = DECIMAL,
                example = "7.2") String minAnnualInterestRatePercent,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Highest nominal annual rate, percent.", pattern = DECIMAL,
                example = "10.8") String maxAnnualInterestRatePercent,
        @Schema(requiredMode = RequiredMode.REQUIRED) Conventions scheduleConventions,
        @Schema(requiredMode = RequiredMode.REQUIRED) Policy servicingPolicy,
        @ArraySchema(arraySchema = @Schema(description = "Fees charged beside the principal; never deducted from it."))
        @Nullable List<FeeLine> fees,
        @ArraySchema(schema = @Schema(implementation = AllocationBucket.class),
                arraySchema = @Schema(description = "All six buckets in order; empty or absent: the default order."))
        @Nullable List<String> allocationOrder,
        @ArraySchema(arraySchema = @Schema(description = "The document checklist.")) @Nullable List<DocumentLine> documents,
        @ArraySchema(schema = @Schema(example = "E01"),
                arraySchema = @Schema(description = "Codes of the branches offering it; empty or absent: every branch."))
        @Nullable List<String> branchCodes,
        @Schema(description = "The approval policy it uses; null until approval policies exist.", format = "uuid")
        @Nullable String approvalPolicyId,
        @Schema(description = "Offered from this date; defaults to today's business date, never earlier.", format = "date")
        @Nullable String effectiveFrom) {

    static final String DECIMAL = ProductJson.DECIMAL;

    /** The schedule conventions: the conformance {@code terms} fields a product fixes. */
    @Schema(name = "ProductScheduleConventions", description = "Schedule conventions: the fields of the schedule conformance `terms` a product fixes, same names and values.")
    public record Conventions(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2") Integer currencyDigits,
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = RoundingRule.class, example = "HALF_UP") String roundingMode,
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = Amortization.class, example = "EQUAL_INSTALLMENTS")
            String amortization,
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = InterestMethod.class, example = "DECLINING_BALANCE")
            String interestMethod,
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = InterestAccrual.class, example = "PER_PERIOD")
            String interestAccrual,
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = InstallmentBasis.class, example = "NOMINAL_PERIODIC_RATE")
            String installmentBasis,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "1") Integer repaymentEvery,
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = RepaymentFrequency.class, example = "MONTHS")
            String repaymentFrequency,
            @Schema(requiredMode = RequiredMode.REQUIRED, type = "string", allowableValues = {"360", "364", "365", "ACTUAL"},
                    example = "360") String daysInYear,
            @Schema(requiredMode = RequiredMode.REQUIRED, type = "string", allowableValues = {"30", "ACTUAL"}, example = "30")
            String daysInMonth,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = DECIMAL, example = "0.01") String installmentAmountInMultiplesOf,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "0") Integer graceOnPrincipalPeriods,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "0") Integer graceOnInterestPaymentPeriods,
            @Schema(implementation = EmiAdjustment.class, description = "Defaults to `NONE`.", example = "NONE")
            @Nullable String emiAdjustment) {
    }

    /** The servicing policy: the conformance {@code policy} object. */
    @Schema(name = "ProductServicingPolicy", description = "Servicing policy: exactly the servicing conformance `policy` object.")
    public record Policy(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Penalty rate = contract rate × this; 1 to 10.",
                    pattern = DECIMAL, example = "1.5") String penaltyRateMultiplier,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "360 or 365.", example = "360") Integer penaltyDaysInYear,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "0 to 90.", example = "3") Integer graceDays,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "false") Boolean compoundOverdueInterest,
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = ClassificationTable.class,
                    description = "`DPD_DEFAULT` or the table of the product's own security type.", example = "CREDIT")
            String classification) {
    }

    /** A fee. */
    @Schema(name = "ProductFee", description = "A fee, charged at disbursement or with every installment, never deducted from the principal.")
    public record FeeLine(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "账户管理费") String name,
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = FeeKind.class, example = "PERCENT") String kind,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "An amount (FLAT) or a percent of the principal (PERCENT).",
                    pattern = DECIMAL, example = "0.1") String value,
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = FeeCharge.class, example = "PER_INSTALLMENT") String charge) {
    }

    /** A line of the document checklist. */
    @Schema(name = "ProductDocument", description = "A document an application must or may carry.")
    public record DocumentLine(
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = DocumentType.class, example = "ID_CARD") String document,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "true") Boolean required) {
    }
}
