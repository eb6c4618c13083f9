package org.xiaodai.supervision.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.supervision.IndicatorHistory;

/** {@link IndicatorHistory} over {@code supervision_indicator}, through the caller's tenant wall. */
@Component
class JdbcIndicatorHistory implements IndicatorHistory {

    private final JdbcClient jdbc;

    JdbcIndicatorHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> on(UUID institutionId, LocalDate asOf) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        jdbc.sql("""
                select indicator, value from supervision_indicator
                where institution_id = ? and as_of = ? and value is not null order by indicator""")
                .params(institutionId, Date.valueOf(asOf)).query(rs -> {
                    values.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return values;
    }
}
