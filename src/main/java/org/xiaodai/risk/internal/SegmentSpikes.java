package org.xiaodai.risk.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.risk.EarlyWarnings;
import org.xiaodai.risk.Indicators;
import org.xiaodai.risk.Observation;
import org.xiaodai.servicing.LoanPortfolio;
import org.xiaodai.servicing.LoanPortfolio.SegmentFigures;

/**
 * The overdue-spike feed ({@link Indicators#OVERDUE_SPIKE}), at each end of day in the institution's
 * transaction: the overdue rate (overdue principal / principal on the books) of each region and industry
 * section of the book ({@link LoanPortfolio#bySegment}) is stored for the closed date in
 * {@code risk_segment_rate}, and its rise over the mean of the stored rates of the
 * {@link #WINDOW_DAYS} days before is observed (subject {@code region:<code>} or {@code industry:<letter>}).
 * A segment without history in the window is stored only (its first day is the baseline).
 */
@Component
class SegmentSpikes {

    static final int WINDOW_DAYS = 30;
    private static final int SCALE = 6;

    private final JdbcClient jdbc;
    private final LoanPortfolio portfolio;
    private final EarlyWarnings warnings;

    SegmentSpikes(JdbcClient jdbc, LoanPortfolio portfolio, EarlyWarnings warnings) {
        this.jdbc = jdbc;
        this.portfolio = portfolio;
        this.warnings = warnings;
    }

    void observe(UUID institutionId, LocalDate closed) {
        for (SegmentFigures s : portfolio.bySegment(institutionId, closed)) {
            if (s.principal() == null || s.principal().signum() <= 0) {
                continue;
            }
            String segment = s.dimension() + ":" + s.key();
            BigDecimal rate = s.overduePrincipal().divide(s.principal(), SCALE, RoundingMode.HALF_UP);
            jdbc.sql("""
                    insert into risk_segment_rate (institution_id, as_of, segment, principal, overdue_principal, rate)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (institution_id, segment, as_of) do update
                       set principal = excluded.principal, overdue_principal = excluded.overdue_principal, rate = excluded.rate""")
                    .params(institutionId, Date.valueOf(closed), segment, s.principal(), s.overduePrincipal(), rate).update();
            BigDecimal mean = jdbc.sql("""
                    select avg(rate) from risk_segment_rate
                     where institution_id = ? and segment = ? and as_of >= ? and as_of < ?""")
                    .params(institutionId, segment, Date.valueOf(closed.minusDays(WINDOW_DAYS)), Date.valueOf(closed))
                    .query(BigDecimal.class).optional().orElse(null);
            if (mean != null) {
                warnings.evaluate(new Observation(institutionId, Indicators.OVERDUE_SPIKE,
                        rate.subtract(mean).setScale(SCALE, RoundingMode.HALF_UP), closed, segment, segment));
            }
        }
    }
}
