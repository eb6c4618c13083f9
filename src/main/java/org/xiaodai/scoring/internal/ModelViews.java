package org.xiaodai.scoring.internal;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API and the pages show of models. */
public final class ModelViews {

    private ModelViews() {
    }

    /** A model version in the list. {@code activeAs}: the slots it fills, e.g. "CHAMPION default". */
    public record ModelSummary(UUID id, String name, String purpose, int version, String status, int progress,
            @Nullable Double auc, @Nullable Double ks, String builtByName, Instant builtAt, @Nullable String approvedByName,
            @Nullable Instant approvedAt,
            List<Activation> activeAs) {
    }

    /** A slot a model fills: champion or challenger for a product (null: every product without its own). */
    public record Activation(@Nullable UUID productId, String role, String activatedByName, Instant activatedAt) {
    }

    /** Everything about one model version. */
    public record ModelDetail(ModelSummary summary, String codeVersion, @Nullable String failure,
            TrainingData trainingData, @Nullable Performance performance, @Nullable Points points) {
    }

    /** What the model was trained on. */
    public record TrainingData(@Nullable String source, @Nullable Integer rows, @Nullable Integer bads,
            @Nullable Double badRate, @Nullable String split, @Nullable String target, @Nullable String protectedAttributes) {
    }

    /** Out-of-sample performance: AUC, KS, Gini, the curves and the score distribution in ten bands. */
    public record Performance(String validation, int rows, int bads, double auc, double ks, double gini,
            @Nullable Double challengerAuc, List<List<Double>> roc, List<List<Double>> ksCurve, List<Band> bands) {
    }

    /** A score band: from (inclusive, null = open) to (exclusive, null = open). */
    public record Band(@Nullable Double from, @Nullable Double to, long count, long bads, double badRate, double ks) {
    }

    /** The points table: scaling and one entry per characteristic. */
    public record Points(double basePoints, double baseOdds, double pdo, int minScore, int maxScore,
            List<Variable> variables) {
    }

    /** A characteristic with its bins. */
    public record Variable(String name, String label, String kind, double coefficient, double iv, List<Bin> bins) {
    }

    /** A bin with its counts in training, WOE, IV and points. */
    public record Bin(String label, long count, double share, double badRate, double woe, double iv, int points) {
    }
}
