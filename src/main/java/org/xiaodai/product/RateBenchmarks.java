package org.xiaodai.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The rate benchmark (利率基准) over time: the configured multiple of the 1-year LPR (DOMAIN.md §3:
 * 4 × LPR), one entry per LPR publication. Region-wide reference data, readable by every caller.
 */
public interface RateBenchmarks {

    /** Every benchmark with the date it is in force from, oldest first. */
    List<RateBenchmark> history();

    /** @param percent the benchmark in percent per year, e.g. 12.00 */
    record RateBenchmark(LocalDate effectiveFrom, BigDecimal percent) {
    }
}
