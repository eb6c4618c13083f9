package org.xiaodai.scoring.internal;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.scoring.ScoreDriftDetected;
import org.xiaodai.scoring.domain.Bin;
import org.xiaodai.scoring.domain.Characteristic;
import org.xiaodai.scoring.domain.Scorecard;
import org.xiaodai.scoring.domain.Stability;
import tools.jackson.databind.json.JsonMapper;

/**
 * Daily stability check (稳定性监控) of every active model of the caller's institution: the PSI of
 * the scores given in the 30 days up to a business date against the score distribution the model
 * was validated on, and the CSI of each characteristic against its training bins. Crossing 0.1
 * (watch) or 0.25 (act) on the PSI or any CSI records an alert and publishes
 * {@link ScoreDriftDetected}, once per model and date.
 */
@Service
public class StabilityMonitor {

    static final int WINDOW_DAYS = 30;
    static final int MIN_SAMPLE = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One day's check of one model. */
    public record Check(UUID modelId, LocalDate asOf, int sample, double psi, String level,
            @Nullable String worstVariable, @Nullable Double worstCsi) {
    }

    /** A raised alert. */
    public record Alert(UUID modelId, String modelName, LocalDate asOf, String level, double psi,
            @Nullable String worstVariable, @Nullable Double worstCsi) {
    }

    private final JdbcClient jdbc;
    private final ScoringModels models;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StabilityMonitor(JdbcClient jdbc, ScoringModels models, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.models = models;
        this.events = events;
        this.clock = clock;
    }

    /** Checks every model that is champion or challenger somewhere; @return the checks made */
    @Transactional
    public List<Check> checkActiveModels(LocalDate asOf) {
        List<Check> checks = new ArrayList<>();
        for (UUID id : jdbc.sql("select distinct model_id from scoring_assignment").query(UUID.class).list()) {
            check(models.row(id), asOf).ifPresent(checks::add);
        }
        return checks;
    }

    private java.util.Optional<Check> check(ModelRow m, LocalDate asOf) {
        Scorecard card = models.card(m);
        List<int[]> results = new ArrayList<>();
        jdbc.sql("select score, bins from scoring_result where model_id = ? and business_date between ? and ?")
                .params(m.id(), asOf.minusDays(WINDOW_DAYS - 1), asOf)
                .query(rs -> {
                    results.add(row(rs.getInt("score"), rs.getArray("bins")));
                });
        if (results.size() < MIN_SAMPLE) {
            return java.util.Optional.empty();
        }
        Map<String, Object> metrics = ModelJson.read(m.metrics());
        double[] bounds = doubles(metrics.get("bandLowerBounds"));
        double[] expected = doubles(metrics.get("expectedShares"));
        double[] actual = new double[expected.length];
        for (int[] r : results) {
            int at = java.util.Arrays.binarySearch(bounds, r[0]);
            actual[at >= 0 ? at + 1 : -at - 1]++;
        }
        double psi = Stability.index(expected, actual);
        Map<String, Double> csi = csi(card, results);
        Map.Entry<String, Double> worst = csi.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
        double worstCsi = worst == null ? 0 : worst.getValue();
        Stability.Level level = Stability.level(Math.max(psi, worstCsi));
        Check check = new Check(m.id(), asOf, results.size(), psi, level.name(), worst == null ? null : worst.getKey(),
                worst == null ? null : worstCsi);
        store(m, check, csi);
        return java.util.Optional.of(check);
    }

    private static Map<String, Double> csi(Scorecard card, List<int[]> results) {
        Map<String, Double> csi = new LinkedHashMap<>();
        List<Characteristic> cs = card.characteristics();
        for (int k = 0; k < cs.size(); k++) {
            List<Bin> bins = cs.get(k).binning().bins();
            double[] expected = bins.stream().mapToDouble(Bin::count).toArray();
            double[] actual = new double[bins.size()];
            for (int[] r : results) {
                if (k + 1 < r.length && r[k + 1] >= 0 && r[k + 1] < actual.length) {
                    actual[r[k + 1]]++;
                }
            }
            csi.put(cs.get(k).name(), Stability.index(expected, actual));
        }
        return csi;
    }

    private void store(ModelRow m, Check c, Map<String, Double> csi) {
        jdbc.sql("""
                insert into scoring_stability (id, institution_id, model_id, as_of, sample, psi, csi, level, computed_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                on conflict (model_id, as_of) do update set sample = excluded.sample, psi = excluded.psi,
                    csi = excluded.csi, level = excluded.level, computed_at = excluded.computed_at""")
                .params(UUID.randomUUID(), m.institutionId(), m.id(), c.asOf(), c.sample(), decimal(c.psi()),
                        JSON.writeValueAsString(csi), c.level(), Timestamp.from(clock.instant()))
                .update();
        if (!"STABLE".equals(c.level())) {
            int raised = jdbc.sql("""
                    insert into scoring_alert (id, institution_id, model_id, as_of, level, psi, worst_variable, worst_csi,
                        raised_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (model_id, as_of) do nothing""")
                    .params(UUID.randomUUID(), m.institutionId(), m.id(), c.asOf(), c.level(), decimal(c.psi()),
                            c.worstVariable(), c.worstCsi() == null ? null : decimal(c.worstCsi()),
                            Timestamp.from(clock.instant()))
                    .update();
            if (raised == 1) {
                events.publishEvent(new ScoreDriftDetected(m.institutionId(), m.id(), m.name(), c.asOf(), c.level(),
                        decimal(c.psi()), c.worstVariable(), c.worstCsi() == null ? null : decimal(c.worstCsi())));
            }
        }
    }

    /** A model's checks, oldest first. */
    @Transactional(readOnly = true)
    public List<Check> history(UUID modelId) {
        models.row(modelId);
        return jdbc.sql("""
                select model_id, as_of, sample, psi, level, csi::text as csi from scoring_stability where model_id = ?
                order by as_of""").param(modelId)
                .query((rs, n) -> {
                    Map<String, Object> csi = ModelJson.read(rs.getString("csi"));
                    Map.Entry<String, Object> worst = csi.entrySet().stream()
                            .max(java.util.Comparator.comparingDouble(e -> ((Number) e.getValue()).doubleValue())).orElse(null);
                    return new Check(rs.getObject("model_id", UUID.class), rs.getObject("as_of", LocalDate.class),
                            rs.getInt("sample"), rs.getDouble("psi"), rs.getString("level"),
                            worst == null ? null : worst.getKey(),
                            worst == null ? null : ModelJson.round(((Number) worst.getValue()).doubleValue()));
                }).list();
    }

    /** The institution's alerts, newest first. */
    @Transactional(readOnly = true)
    public List<Alert> alerts() {
        return jdbc.sql("""
                select a.model_id, m.name, a.as_of, a.level, a.psi, a.worst_variable, a.worst_csi from scoring_alert a
                join scoring_model m on m.id = a.model_id order by a.as_of desc, m.name limit 200""")
                .query((rs, n) -> new Alert(rs.getObject("model_id", UUID.class), rs.getString("name"),
                        rs.getObject("as_of", LocalDate.class), rs.getString("level"), rs.getDouble("psi"),
                        rs.getString("worst_variable"), rs.getObject("worst_csi") == null ? null : rs.getDouble("worst_csi")))
                .list();
    }

    private static int[] row(int score, Array bins) throws SQLException {
        Integer[] b = (Integer[]) bins.getArray();
        int[] out = new int[b.length + 1];
        out[0] = score;
        for (int i = 0; i < b.length; i++) {
            out[i + 1] = b[i];
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static double[] doubles(Object list) {
        return ((List<Number>) list).stream().mapToDouble(Number::doubleValue).toArray();
    }

    private static BigDecimal decimal(double v) {
        return new BigDecimal(Double.toString(v)).setScale(6, RoundingMode.HALF_UP);
    }
}
