package org.xiaodai.supervision.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Indicators as the API and the pages show them: decimals as plain strings. */
public final class IndicatorViews {

    private IndicatorViews() {
    }

    @Schema(description = "One supervisory indicator of one business date with what it is computed from and its limit.")
    public record IndicatorValue(@Schema(example = "top-borrower-exposure") String indicator,
                                 @Schema(description = "Ratios are fractions (0.1 = 10 %); hours for approval-hours and "
                                         + "disbursement-hours; complaints per 1,000 loans for complaint-rate; null when the "
                                         + "base is zero or unknown (no registry entry, no loans).", example = "0.052300")
                                 @Nullable String value,
                                 @Schema(example = "18970000.0000") @Nullable String numerator,
                                 @Schema(example = "362800000.0000") @Nullable String denominator,
                                 @Schema(description = "The regulatory limit (DOMAIN.md §3), null when none.", example = "0.10")
                                 @Nullable String limit,
                                 @Schema(description = "True when the value is above its limit.") boolean breached) {
    }

    @Schema(description = "The region's indicators of one business date over every institution (no institution named): "
            + "ratios as the sum of numerators over the sum of denominators, exposures as the largest institution's value, "
            + "balances and counts summed.")
    public record RegionDay(LocalDate asOf, @Schema(description = "Institutions with indicators on that date.") long institutions,
                            List<RegionValue> indicators) {
    }

    public record RegionValue(@Schema(example = "npl-ratio") String indicator, @Nullable String value) {
    }

    static @Nullable String plain(@Nullable BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }
}
