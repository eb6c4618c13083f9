package org.xiaodai.scoring.domain;

import java.util.Objects;

/**
 * How a scorecard is trained.
 *
 * @param binning         binning rules
 * @param minIv           smallest information value a variable needs to be considered (e.g. 0.02)
 * @param maxCorrelation  largest |Pearson correlation| of WOE columns between two selected variables
 * @param maxVariables    most variables kept, by descending IV
 * @param l2              L2 penalty of the regression (0: exact maximum likelihood)
 * @param scaling         points scaling
 * @param allowProtected  whether protected attributes may be inputs: false for every shipped model;
 *                        true only to measure what leaving them out costs
 */
public record TrainingOptions(BinningOptions binning, double minIv, double maxCorrelation, int maxVariables,
        double l2, Scaling scaling, boolean allowProtected) {

    public TrainingOptions {
        Objects.requireNonNull(binning, "binning");
        Objects.requireNonNull(scaling, "scaling");
        if (minIv < 0 || !(maxCorrelation > 0 && maxCorrelation <= 1) || maxVariables < 1 || l2 < 0) {
            throw new IllegalArgumentException("minIv >= 0, 0 < maxCorrelation <= 1, maxVariables >= 1, l2 >= 0");
        }
    }

    /** default binning, IV ≥ 0.02, |ρ| ≤ 0.7, at most 20 variables, no penalty, 600 at 1:19 with PDO 50 */
    public static TrainingOptions defaults() {
        return new TrainingOptions(BinningOptions.defaults(), 0.02, 0.7, 20, 0, Scaling.defaults(), false);
    }

    public TrainingOptions withBinning(BinningOptions b) {
        return new TrainingOptions(b, minIv, maxCorrelation, maxVariables, l2, scaling, allowProtected);
    }

    public TrainingOptions withSelection(double iv, double correlation, int variables) {
        return new TrainingOptions(binning, iv, correlation, variables, l2, scaling, allowProtected);
    }

    public TrainingOptions withL2(double penalty) {
        return new TrainingOptions(binning, minIv, maxCorrelation, maxVariables, penalty, scaling, allowProtected);
    }

    public TrainingOptions withScaling(Scaling s) {
        return new TrainingOptions(binning, minIv, maxCorrelation, maxVariables, l2, s, allowProtected);
    }

    /** @return options that let protected attributes in: for fairness measurements only, never shipped */
    public TrainingOptions includingProtectedAttributes() {
        return new TrainingOptions(binning, minIv, maxCorrelation, maxVariables, l2, scaling, true);
    }
}
