package org.xiaodai.scoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.scoring.domain.Bin;
import org.xiaodai.scoring.domain.Characteristic;
import org.xiaodai.scoring.domain.Scorecard;
import org.xiaodai.scoring.domain.ScorecardCodec;
import org.xiaodai.shared.problem.ProblemException;

/**
 * Reads models for the API and pages, inside the caller's tenant wall (another institution's model
 * is not found). Loaded scorecards are cached by id: a trained version never changes.
 */
@Service
public class ScoringModels {

    private final ScoringRepository repository;
    private final MessageSource messages;
    private final Map<UUID, Scorecard> cards = new ConcurrentHashMap<>();

    ScoringModels(ScoringRepository repository, MessageSource messages) {
        this.repository = repository;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public List<ModelViews.ModelSummary> list() {
        List<ScoringRepository.AssignmentRow> assignments = repository.assignments();
        return repository.models().stream().map(m -> summary(m, assignments)).toList();
    }

    @Transactional(readOnly = true)
    public ModelViews.ModelDetail get(UUID id) {
        ModelRow m = row(id);
        ModelViews.ModelSummary summary = summary(m, repository.assignments());
        Map<String, Object> data = ModelJson.read(m.trainingData());
        ModelViews.TrainingData training = new ModelViews.TrainingData((String) data.get("source"),
                (Integer) data.get("rows"), (Integer) data.get("bads"), number(data.get("badRate")),
                (String) data.get("split"), (String) data.get("target"), (String) data.get("protectedAttributes"));
        return new ModelViews.ModelDetail(summary, m.codeVersion(), m.failure(), training, performance(m),
                m.scorecard() == null ? null : points(card(m)));
    }

    /** The stored row; 404 when the id is not the caller's institution's. */
    ModelRow row(UUID id) {
        return repository.model(id).orElseThrow(() -> ProblemException.notFound("scoring_model"));
    }

    Scorecard card(UUID id) {
        Scorecard card = cards.get(id);
        return card != null ? card : card(row(id));
    }

    Scorecard card(ModelRow m) {
        if (m.scorecard() == null) {
            throw ProblemException.notFound("scoring_model");
        }
        return cards.computeIfAbsent(m.id(), k -> ScorecardCodec.load(m.scorecard()));
    }

    /** The caller's words for a variable: its label in the bundle, else its name. */
    String label(String variable) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("scoring.variable." + variable, null, variable, locale);
    }

    private ModelViews.ModelSummary summary(ModelRow m, List<ScoringRepository.AssignmentRow> assignments) {
        Map<String, Object> metrics = ModelJson.read(m.metrics());
        List<ModelViews.Activation> active = assignments.stream().filter(a -> a.modelId().equals(m.id()))
                .map(a -> new ModelViews.Activation(a.productId(), a.role(), a.activatedByName(), a.activatedAt())).toList();
        return new ModelViews.ModelSummary(m.id(), m.name(), m.purpose(), m.version(), m.status(), m.progress(),
                number(metrics.get("auc")), number(metrics.get("ks")), m.builtByName(), m.builtAt(), m.approvedByName(),
                m.approvedAt(), active);
    }

    @SuppressWarnings("unchecked")
    private static ModelViews.Performance performance(ModelRow m) {
        Map<String, Object> r = ModelJson.read(m.metrics());
        if (r.isEmpty()) {
            return null;
        }
        List<ModelViews.Band> bands = new ArrayList<>();
        for (Map<String, Object> b : (List<Map<String, Object>>) r.get("bands")) {
            bands.add(new ModelViews.Band(number(b.get("from")), number(b.get("to")), ((Number) b.get("count")).longValue(),
                    ((Number) b.get("bads")).longValue(), number(b.get("badRate")), number(b.get("ks"))));
        }
        return new ModelViews.Performance((String) r.get("validation"), ((Number) r.get("rows")).intValue(),
                ((Number) r.get("bads")).intValue(), number(r.get("auc")), number(r.get("ks")), number(r.get("gini")),
                number(r.get("challengerAuc")), curve(r.get("roc")), curve(r.get("ksCurve")), bands);
    }

    @SuppressWarnings("unchecked")
    private static List<List<Double>> curve(Object points) {
        return ((List<List<Number>>) points).stream().map(p -> p.stream().map(Number::doubleValue).toList()).toList();
    }

    private ModelViews.Points points(Scorecard card) {
        List<ModelViews.Variable> variables = new ArrayList<>();
        for (Characteristic c : card.characteristics()) {
            long total = c.binning().bins().stream().mapToLong(Bin::count).sum();
            List<ModelViews.Bin> bins = new ArrayList<>();
            for (int b = 0; b < c.binning().bins().size(); b++) {
                Bin bin = c.binning().bins().get(b);
                bins.add(new ModelViews.Bin(bin.label(), bin.count(), ModelJson.round(total == 0 ? 0 : (double) bin.count() / total),
                        ModelJson.round(bin.badRate()), ModelJson.round(bin.woe()), ModelJson.round(bin.iv()), c.points(b)));
            }
            variables.add(new ModelViews.Variable(c.name(), label(c.name()), c.binning().feature().kind().name(),
                    ModelJson.round(c.coefficient()), ModelJson.round(c.binning().iv()), bins));
        }
        var s = card.scaling();
        return new ModelViews.Points(s.basePoints(), s.baseOdds(), s.pdo(), card.minScore(), card.maxScore(), variables);
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
