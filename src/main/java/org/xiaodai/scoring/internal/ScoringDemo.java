package org.xiaodai.scoring.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.scoring.Purpose;
import org.xiaodai.scoring.domain.Characteristic;
import org.xiaodai.scoring.domain.Scorecard;

/**
 * Demo data for a demo institution: both shipped models approved and active as the defaults, and
 * 30 days of scores drawn from the public data (NBXD's behaviour population drifts towards late
 * payers in the last twelve days, so its PSI climbs past 0.1 and alerts), each day checked for stability.
 */
@Component
class ScoringDemo {

    private static final int PER_DAY = 60;

    private final ScoringRepository repository;
    private final ScoringModels models;
    private final ShippedModelCatalogue catalogue;
    private final StabilityMonitor monitor;
    private final AuditTrail audit;
    private final Clock clock;

    ScoringDemo(ScoringRepository repository, ScoringModels models, ShippedModelCatalogue catalogue,
            StabilityMonitor monitor, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.models = models;
        this.catalogue = catalogue;
        this.monitor = monitor;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs inside the institution's tenant wall and transaction. */
    void activateAndFill(UUID institution, Map<UUID, Purpose> shipped, boolean drift) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        for (Map.Entry<UUID, Purpose> e : shipped.entrySet()) {
            repository.approve(e.getKey(), null, "demo", clock.instant());
            repository.assign(institution, null, e.getValue().name(), "CHAMPION", e.getKey(), null, "demo", clock.instant());
            audit.record(AuditRecord.changed("scoring.model.activated", "scoring_model", e.getKey(), institution, null,
                    Map.of("purpose", e.getValue().name(), "role", "CHAMPION", "by", "demo")));
            Scorecard card = models.card(e.getKey());
            List<Map<String, Object>> rows = e.getValue() == Purpose.APPLICATION ? catalogue.applicationRows()
                    : catalogue.behaviourRows();
            Random random = new Random(institution.getMostSignificantBits() ^ e.getValue().ordinal());
            for (int day = 29; day >= 0; day--) {
                LocalDate date = today.minusDays(day);
                boolean drifting = drift && e.getValue() == Purpose.BEHAVIOUR && day < 12;
                for (int i = 0; i < PER_DAY; i++) {
                    Map<String, Object> row = pick(rows, random, drifting);
                    insert(institution, e.getKey(), card, row, date);
                }
            }
        }
        for (int day = 27; day >= 0; day--) {
            monitor.checkActiveModels(today.minusDays(day));
        }
    }

    /** drifting: six draws, keeping the one with the worst latest repayment status (PSI ≈ 0.2 after 12 days) */
    private static Map<String, Object> pick(List<Map<String, Object>> rows, Random random, boolean drifting) {
        Map<String, Object> row = rows.get(random.nextInt(rows.size()));
        if (drifting) {
            for (int k = 0; k < 5; k++) {
                Map<String, Object> other = rows.get(random.nextInt(rows.size()));
                if (status(other) > status(row)) {
                    row = other;
                }
            }
        }
        return row;
    }

    private static double status(Map<String, Object> row) {
        return row.get("pay1") instanceof Number n ? n.doubleValue() : 0;
    }

    private void insert(UUID institution, UUID modelId, Scorecard card, Map<String, Object> row, LocalDate date) {
        List<Characteristic> cs = card.characteristics();
        int[] bins = new int[cs.size()];
        int score = 0;
        for (int k = 0; k < bins.length; k++) {
            bins[k] = cs.get(k).binning().binOfValue(row.get(cs.get(k).name()));
            score += cs.get(k).points(bins[k]);
        }
        repository.insertResult(institution, modelId, null, "demo", date,
                date.atTime(10, 0).atZone(clock.getZone()).toInstant(), score, bins, false);
    }

}
