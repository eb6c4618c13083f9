package org.xiaodai.product.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.xiaodai.product.ProductDefinition;
import org.xiaodai.product.ProductType;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.SecurityType;
import org.xiaodai.product.internal.ProductBody;
import org.xiaodai.product.internal.ProductJson;

/**
 * One version of a product as the API shows it: the definition's fields as {@link ProductBody}
 * has them, its identity and version, and the annualised rate range with the benchmark it was
 * held against.
 */
@Schema(description = "One version of a loan product.")
record ProductView(
        @Schema(format = "uuid") String id,
        @Schema(description = "This version: 1, 2, …", example = "1") int version,
        @Schema(description = "The product's newest version.", example = "1") int currentVersion,
        @ArraySchema(schema = @Schema(example = "1"), arraySchema = @Schema(description = "Every stored version."))
        List<Integer> versions,
        @Schema(example = "XF-01") String code,
        @Schema(example = "薪享贷") String name,
        @Schema(implementation = ProductType.class, example = "PERSONAL_CONSUMPTION") String productType,
        @Schema(implementation = SecurityType.class, example = "CREDIT") String securityType,
        @Schema(example = "CNY") String currency,
        @Schema(pattern = ProductJson.DECIMAL, example = "5000.00") String minPrincipal,
        @Schema(pattern = ProductJson.DECIMAL, example = "200000.00") String maxPrincipal,
        @Schema(example = "6") int minNumberOfRepayments,
        @Schema(example = "36") int maxNumberOfRepayments,
        @Schema(pattern = ProductJson.DECIMAL, example = "7.2") String minAnnualInterestRatePercent,
        @Schema(pattern = ProductJson.DECIMAL, example = "10.8") String maxAnnualInterestRatePercent,
        ProductBody.Conventions scheduleConventions,
        ProductBody.Policy servicingPolicy,
        List<ProductBody.FeeLine> fees,
        @ArraySchema(schema = @Schema(implementation = org.xiaodai.product.AllocationBucket.class)) List<String> allocationOrder,
        List<ProductBody.DocumentLine> documents,
        @ArraySchema(schema = @Schema(example = "E01"), arraySchema = @Schema(description = "Empty: every branch."))
        List<String> branchCodes,
        @Schema(format = "uuid", description = "Null until approval policies exist.") @Nullable String approvalPolicyId,
        @Schema(format = "date") String effectiveFrom,
        @Schema(description = "The lowest annualised rate (年化利率: APR with fees), percent.", pattern = ProductJson.DECIMAL,
                example = "7.45") String lowestAnnualRatePercent,
        @Schema(description = "The highest annualised rate over the worst case of the ranges, percent.",
                pattern = ProductJson.DECIMAL, example = "11.62") String highestAnnualRatePercent,
        @Schema(format = "date", description = "Publication date of the 1-year LPR in force on `effectiveFrom`.")
        String lprDate,
        @Schema(pattern = ProductJson.DECIMAL, example = "3.00") String lprPercent,
        @Schema(description = "The rate benchmark: the configured multiple of that LPR, percent.",
                pattern = ProductJson.DECIMAL, example = "12.00") String rateCapPercent,
        @Schema(description = "True when the highest annualised rate is above the benchmark (saved flagged).")
        boolean rateCapExceeded,
        @Schema(format = "date-time") String createdAt) {

    static ProductView of(ProductVersion v, List<Integer> versions) {
        ProductDefinition d = v.definition();
        ProductBody b = ProductJson.body(d);
        return new ProductView(v.productId().toString(), v.version(), v.currentVersion(), versions, b.code(), b.name(),
                b.productType(), b.securityType(), b.currency(), b.minPrincipal(), b.maxPrincipal(),
                d.minNumberOfRepayments(), d.maxNumberOfRepayments(), b.minAnnualInterestRatePercent(),
                b.maxAnnualInterestRatePercent(), b.scheduleConventions(), b.servicingPolicy(), b.fees(),
                b.allocationOrder(), b.documents(), b.branchCodes(), b.approvalPolicyId(), b.effectiveFrom(),
                v.lowestAnnualRatePercent().toPlainString(), v.highestAnnualRatePercent().toPlainString(),
                v.lprDate().toString(), v.lprPercent().toPlainString(), v.rateCapPercent().toPlainString(),
                v.rateCapExceeded(), v.createdAt().toString());
    }
}
