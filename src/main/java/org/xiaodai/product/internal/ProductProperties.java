package org.xiaodai.product.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.xiaodai.product.RateCapMode;

/**
 * Product settings.
 *
 * @param rateCapMode what saving a product above the rate benchmark does: {@code REFUSE} (400 with
 *                    the computed rate) or {@code FLAG} (saved, flagged on the API and the pages)
 * @param rateCapLprMultiple the benchmark as a multiple of the 1-year LPR in force (DOMAIN.md §3: 4)
 */
@ConfigurationProperties("xiaodai.product")
public record ProductProperties(
        @DefaultValue("REFUSE") RateCapMode rateCapMode,
        @DefaultValue("4") BigDecimal rateCapLprMultiple) {

    public ProductProperties {
        if (rateCapLprMultiple.signum() <= 0) {
            throw new IllegalArgumentException("xiaodai.product.rate-cap-lpr-multiple must be greater than 0");
        }
    }
}
