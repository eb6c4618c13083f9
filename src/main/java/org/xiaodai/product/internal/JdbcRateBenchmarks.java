package org.xiaodai.product.internal;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.product.RateBenchmarks;

/** {@link RateBenchmarks} from the LPR table and {@code xiaodai.product.rate-cap-lpr-multiple}. */
@Component
class JdbcRateBenchmarks implements RateBenchmarks {

    private final LprTable lpr;
    private final ProductProperties properties;

    JdbcRateBenchmarks(LprTable lpr, ProductProperties properties) {
        this.lpr = lpr;
        this.properties = properties;
    }

    @Override
    public List<RateBenchmark> history() {
        return lpr.all().stream().sorted(Comparator.comparing(LprTable.Lpr::effectiveDate))
                .map(r -> new RateBenchmark(r.effectiveDate(),
                        LprTable.percent(r.oneYearPercent().multiply(properties.rateCapLprMultiple()))))
                .toList();
    }
}
