package org.xiaodai.scoring.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains the two shipped scorecards and measures them as the benchmark does: the A-card on all
 * German rows, reported by stratified 10-fold cross-validation of the whole pipeline (out-of-fold
 * scores); the B-card on the Taiwan rows with {@code ID % 5 != 0}, reported on {@code ID % 5 == 0}.
 */
public final class ShippedTraining {

    public static final long SEED = 20261202L;

    /** A trained model with its report and what it was trained on. */
    public record Trained(Scorecard scorecard, List<VariableBinning> binnings, ModelReport report, int trainingRows,
            int trainingBads) {
    }

    private ShippedTraining() {
    }

    public static Trained aCard(Dataset german, boolean withChallenger) {
        ScorecardTrainer.Result full = ScorecardTrainer.train(german, ShippedModels.aCardOptions());
        int[] folds = GermanCredit.stratifiedFolds(german.targets(), 10, SEED);
        double[] oof = new double[german.size()];
        double[] gbm = new double[german.size()];
        for (int k = 0; k < 10; k++) {
            int[][] split = split(folds, k);
            Dataset train = german.rows(split[0]);
            Dataset test = german.rows(split[1]);
            double[] s = ScorecardTrainer.train(train, ShippedModels.aCardOptions()).scorecard().scores(test);
            double[] g = withChallenger ? GradientBoosting.defaults().fit(train, false).predict(test) : new double[s.length];
            for (int i = 0; i < split[1].length; i++) {
                oof[split[1][i]] = s[i];
                gbm[split[1][i]] = -g[i];
            }
        }
        int[] bad = german.targets();
        double challenger = withChallenger ? Metrics.auc(gbm, bad) : Double.NaN;
        ModelReport report = ModelReport.of("10-fold stratified cross-validation, out-of-fold scores", oof, bad, challenger);
        return new Trained(full.scorecard(), full.binnings(), report, german.size(), german.bads());
    }

    public static Trained bCard(TaiwanCreditCard.Data taiwan, boolean withChallenger) {
        List<Integer> fit = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < taiwan.ids().length; i++) {
            (taiwan.ids()[i] % 5 == 0 ? test : fit).add(i);
        }
        Dataset train = taiwan.dataset().rows(fit.stream().mapToInt(Integer::intValue).toArray());
        Dataset held = taiwan.dataset().rows(test.stream().mapToInt(Integer::intValue).toArray());
        ScorecardTrainer.Result result = ScorecardTrainer.train(train, ShippedModels.bCardOptions());
        double challenger = Double.NaN;
        if (withChallenger) {
            double[] p = GradientBoosting.defaults().fit(train, false).predict(held);
            for (int i = 0; i < p.length; i++) {
                p[i] = -p[i];
            }
            challenger = Metrics.auc(p, held.targets());
        }
        ModelReport report = ModelReport.of("test split ID % 5 == 0", result.scorecard().scores(held), held.targets(),
                challenger);
        return new Trained(result.scorecard(), result.binnings(), report, train.size(), train.bads());
    }

    private static int[][] split(int[] folds, int k) {
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < folds.length; i++) {
            (folds[i] == k ? test : train).add(i);
        }
        return new int[][] {train.stream().mapToInt(Integer::intValue).toArray(),
            test.stream().mapToInt(Integer::intValue).toArray()};
    }
}
