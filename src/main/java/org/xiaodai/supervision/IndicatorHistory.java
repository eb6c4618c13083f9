package org.xiaodai.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The daily indicator history (监管指标) that end of day computes per institution, for other
 * modules (risk's early-warning rules). Reads go through the caller's tenant wall.
 */
public interface IndicatorHistory {

    /**
     * The indicators of {@link SupervisoryIndicators} stored for the institution on {@code asOf}
     * (code → value; an indicator without a base, e.g. a ratio of nothing, is absent); empty when
     * none were computed for that date.
     */
    Map<String, BigDecimal> on(UUID institutionId, LocalDate asOf);
}
