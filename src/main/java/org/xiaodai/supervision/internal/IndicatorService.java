package org.xiaodai.supervision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.supervision.SupervisoryIndicators;
import org.xiaodai.supervision.internal.IndicatorViews.IndicatorValue;
import org.xiaodai.supervision.internal.IndicatorViews.RegionDay;
import org.xiaodai.supervision.internal.IndicatorViews.RegionValue;

import static org.xiaodai.supervision.internal.IndicatorViews.plain;

/**
 * Reads of the indicator history: an institution's latest indicators with their limits, and the
 * region's daily indicators summed over every institution the caller's tenant wall shows (for the
 * regulator and the industry association, who see no institution's figures there).
 */
@Service
public class IndicatorService {

    /** Region value = the largest institution's value (exposures are limits per institution). */
    private static final Set<String> LARGEST = Set.of(SupervisoryIndicators.TOP_BORROWER_EXPOSURE,
            SupervisoryIndicators.TOP10_BORROWER_EXPOSURE, SupervisoryIndicators.RELATED_PARTY_EXPOSURE);
    /** Region value = the sum of the institutions' values. */
    private static final Set<String> SUMMED = Set.of(SupervisoryIndicators.LOAN_BALANCE, SupervisoryIndicators.LOAN_COUNT);
    private static final int MAX_DAYS = 400;

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    IndicatorService(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The latest business date with indicators for the institution, and its values in {@link SupervisoryIndicators#ALL} order. */
    @Transactional(readOnly = true)
    public List<IndicatorValue> latest(UUID institutionId) {
        List<IndicatorValue> values = new ArrayList<>();
        jdbc.sql("""
                select indicator, value, numerator, denominator from supervision_indicator
                where institution_id = :id and as_of = (select max(as_of) from supervision_indicator where institution_id = :id)""")
                .param("id", institutionId).query(rs -> {
                    values.add(value(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
                });
        values.sort(java.util.Comparator.comparingInt(v -> order(v.indicator())));
        return values;
    }

    static IndicatorValue value(String indicator, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        BigDecimal limit = SupervisoryIndicators.LIMITS.get(indicator);
        return new IndicatorValue(indicator, plain(value), plain(numerator), plain(denominator),
                limit == null ? null : limit.toPlainString(), limit != null && value != null && value.compareTo(limit) > 0);
    }

    /** The region's indicators per business date in {@code [from, to]} as typed (default the 90 days to today). */
    @Transactional(readOnly = true)
    public List<RegionDay> region(String fromText, String toText) {
        Input input = new Input();
        LocalDate end = input.optionalDate("to", toText);
        LocalDate start = input.optionalDate("from", fromText);
        input.check();
        LocalDate last = end == null ? LocalDate.ofInstant(clock.instant(), clock.getZone()) : end;
        return region(start == null ? last.minusDays(90) : start, last);
    }

    /** The region's indicators per business date in {@code [from, to]}; 400 days at most. */
    @Transactional(readOnly = true)
    public List<RegionDay> region(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw ProblemException.invalid("from", "range");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ProblemException.invalid("from", "range");
        }
        Map<LocalDate, List<RegionValue>> days = new LinkedHashMap<>();
        Map<LocalDate, Long> institutions = new LinkedHashMap<>();
        jdbc.sql("""
                select as_of, indicator, count(distinct institution_id) as n, max(value) as largest, sum(value) as total,
                       sum(numerator) filter (where denominator is not null) as num, sum(denominator) as den
                from supervision_indicator where as_of between ? and ?
                group by as_of, indicator order by as_of""")
                .params(Date.valueOf(from), Date.valueOf(to)).query(rs -> {
                    LocalDate day = rs.getObject("as_of", LocalDate.class);
                    String indicator = rs.getString("indicator");
                    BigDecimal v;
                    if (LARGEST.contains(indicator)) {
                        v = rs.getBigDecimal("largest");
                    } else if (SUMMED.contains(indicator)) {
                        v = rs.getBigDecimal("total");
                    } else {
                        BigDecimal num = rs.getBigDecimal("num");
                        BigDecimal den = rs.getBigDecimal("den");
                        v = num == null || den == null || den.signum() == 0 ? null : num.divide(den, 6, RoundingMode.HALF_UP);
                        if (v != null && SupervisoryIndicators.COMPLAINT_RATE.equals(indicator)) {
                            v = v.multiply(BigDecimal.valueOf(1000)).setScale(6, RoundingMode.HALF_UP);
                        }
                    }
                    days.computeIfAbsent(day, d -> new ArrayList<>()).add(new RegionValue(indicator, plain(v)));
                    institutions.merge(day, rs.getLong("n"), Math::max);
                });
        return days.entrySet().stream().map(e -> {
            List<RegionValue> sorted = new ArrayList<>(e.getValue());
            sorted.sort(java.util.Comparator.comparingInt(v -> order(v.indicator())));
            return new RegionDay(e.getKey(), institutions.get(e.getKey()), sorted);
        }).toList();
    }

    private static int order(String indicator) {
        int i = SupervisoryIndicators.ALL.indexOf(indicator);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
