package org.xiaodai.product.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The rate benchmark (DOMAIN.md §3): a multiple (by default 4) of the 1-year LPR in force on a
 * date. A product is above it when its highest annualised rate, as disclosed (two decimals),
 * exceeds the benchmark; comparing the disclosed figure keeps a product whose nominal maximum is
 * exactly the benchmark from failing on the cents of its rounded installments.
 *
 * @param lprDate the publication date of the LPR in force
 * @param lprPercent the 1-year LPR in percent
 * @param multiple the multiple of the LPR
 */
public record RateBenchmark(LocalDate lprDate, BigDecimal lprPercent, BigDecimal multiple) {

    /** The benchmark in percent. */
    public BigDecimal capPercent() {
        BigDecimal cap = lprPercent.multiply(multiple);
        return cap.setScale(Math.max(2, cap.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY);
    }

    /** True when an APR (a fraction) as disclosed is above the benchmark. */
    public boolean exceededBy(BigDecimal apr) {
        return AnnualRateRange.percent(apr).compareTo(capPercent()) > 0;
    }
}
