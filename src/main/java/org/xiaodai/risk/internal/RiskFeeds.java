package org.xiaodai.risk.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.eod.DayClosed;
import org.xiaodai.risk.EarlyWarnings;
import org.xiaodai.risk.Indicators;
import org.xiaodai.risk.Observation;
import org.xiaodai.reporting.ReturnDeadlines;
import org.xiaodai.scoring.ScoreDriftDetected;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.supervision.Complaints;
import org.xiaodai.supervision.IndicatorHistory;
import org.xiaodai.supervision.SupervisoryIndicators;

/**
 * What feeds the rules today, each reaction after the publisher committed, in a transaction of its
 * own inside the institution's tenant wall (through the event publication registry, so a crash
 * means a retry, and raising is idempotent per rule, subject and date):
 * <ul>
 * <li>end of day ({@link DayClosed}): the institution's complaints past their response deadline on
 *     the closed date ({@link Indicators#COMPLAINTS_OVERDUE}), and the loan indicators supervision's
 *     end-of-day step stored for the closed date ({@link IndicatorHistory}): top borrower and related-party
 *     exposure, share above the rate benchmark, and the NPL ratio's rise over 30 days; and the days the previous
 *     month's return is past its due date unsubmitted ({@link ReturnDeadlines}, one alert per period); the overdue
 *     rate's rise in a region or industry of the book ({@link SegmentSpikes});</li>
 * <li>scoring's stability check ({@link ScoreDriftDetected}): the model's PSI ({@link Indicators#SCORE_PSI}).</li>
 * </ul>
 */
@Component
class RiskFeeds {

    /** The NPL-ratio jump compares the closed date with this many days before. */
    static final int NPL_JUMP_DAYS = 30;

    private final EarlyWarnings warnings;
    private final Complaints complaints;
    private final TransactionTemplate transactions;
    private final IndicatorHistory history;
    private final ReturnDeadlines deadlines;
    private final SegmentSpikes segments;

    RiskFeeds(EarlyWarnings warnings, Complaints complaints, TransactionTemplate transactions, IndicatorHistory history,
              ReturnDeadlines deadlines, SegmentSpikes segments) {
        this.history = history;
        this.segments = segments;
        this.deadlines = deadlines;
        this.warnings = warnings;
        this.complaints = complaints;
        this.transactions = transactions;
    }

    /** The listener opens no transaction itself: the tenant wall is chosen first, then one transaction begins in it. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DayClosed day) {
        TenantWall.asInstitution(day.institutionId(), () -> transactions.executeWithoutResult(tx -> {
            long overdue = complaints.overdue(day.institutionId(), day.closedDate());
            warnings.evaluate(new Observation(day.institutionId(), Indicators.COMPLAINTS_OVERDUE, BigDecimal.valueOf(overdue),
                    day.closedDate(), "institution", null));
            Map<String, BigDecimal> today = history.on(day.institutionId(), day.closedDate());
            observe(day, today.get(SupervisoryIndicators.TOP_BORROWER_EXPOSURE), Indicators.TOP_BORROWER_EXPOSURE);
            observe(day, today.get(SupervisoryIndicators.RELATED_PARTY_EXPOSURE), Indicators.RELATED_PARTY_EXPOSURE);
            observe(day, today.get(SupervisoryIndicators.ABOVE_RATE_BENCHMARK), Indicators.ABOVE_RATE_BENCHMARK);
            BigDecimal npl = today.get(SupervisoryIndicators.NPL_RATIO);
            BigDecimal before = history.on(day.institutionId(), day.closedDate().minusDays(NPL_JUMP_DAYS))
                    .get(SupervisoryIndicators.NPL_RATIO);
            if (npl != null && before != null) {
                observe(day, npl.subtract(before), Indicators.NPL_RATIO_JUMP);
            }
            segments.observe(day.institutionId(), day.closedDate());
            // once per period: the subject names the period and the date is its first late day, so every later
            // end of day of the same period finds the alert raised (a rule whose threshold is reached later
            // still raises it once)
            deadlines.late(day.institutionId(), day.closedDate()).ifPresent(late -> warnings.evaluate(new Observation(
                    day.institutionId(), Indicators.RETURN_DAYS_LATE, BigDecimal.valueOf(late.daysLate()),
                    late.dueOn().plusDays(1), "return:" + late.period(), late.period())));
        }));
    }

    private void observe(DayClosed day, BigDecimal value, String indicator) {
        if (value != null) {
            warnings.evaluate(new Observation(day.institutionId(), indicator, value, day.closedDate(), "institution", null));
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ScoreDriftDetected drift) {
        TenantWall.asInstitution(drift.institutionId(), () -> transactions.executeWithoutResult(tx ->
                warnings.evaluate(new Observation(drift.institutionId(), Indicators.SCORE_PSI, drift.psi(), drift.asOf(),
                        "model:" + drift.modelId(), drift.modelName()))));
    }
}
