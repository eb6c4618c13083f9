package org.xiaodai.risk.internal;

import java.math.BigDecimal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.eod.DayClosed;
import org.xiaodai.risk.EarlyWarnings;
import org.xiaodai.risk.Indicators;
import org.xiaodai.risk.Observation;
import org.xiaodai.scoring.ScoreDriftDetected;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.supervision.Complaints;

/**
 * What feeds the rules today, each reaction after the publisher committed, in a transaction of its
 * own inside the institution's tenant wall (through the event publication registry, so a crash
 * means a retry, and raising is idempotent per rule, subject and date):
 * <ul>
 * <li>end of day ({@link DayClosed}): the institution's complaints past their response deadline on
 *     the closed date ({@link Indicators#COMPLAINTS_OVERDUE}); the loan indicators join here once
 *     servicing computes them;</li>
 * <li>scoring's stability check ({@link ScoreDriftDetected}): the model's PSI ({@link Indicators#SCORE_PSI}).</li>
 * </ul>
 */
@Component
class RiskFeeds {

    private final EarlyWarnings warnings;
    private final Complaints complaints;
    private final TransactionTemplate transactions;

    RiskFeeds(EarlyWarnings warnings, Complaints complaints, TransactionTemplate transactions) {
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
        }));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ScoreDriftDetected drift) {
        TenantWall.asInstitution(drift.institutionId(), () -> transactions.executeWithoutResult(tx ->
                warnings.evaluate(new Observation(drift.institutionId(), Indicators.SCORE_PSI, drift.psi(), drift.asOf(),
                        "model:" + drift.modelId(), drift.modelName()))));
    }
}
