package org.xiaodai.scoring.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole training pipeline: bin every allowed variable, compute WOE and IV, select by IV and
 * correlation, fit the logistic regression on the WOE columns, drop any variable whose
 * coefficient has the wrong sign (better WOE must never cost points) and refit, then scale to
 * points. Protected attributes are left out unless the options explicitly allow them.
 */
public final class ScorecardTrainer {

    private ScorecardTrainer() {
    }

    /**
     * @param binnings every variable binned (the candidates, protected attributes excluded unless allowed)
     * @param fit      the final regression on the selected variables
     */
    public record Result(Scorecard scorecard, List<VariableBinning> binnings, LogisticRegression.Fit fit) {
        public Result {
            binnings = List.copyOf(binnings);
        }
    }

    public static Result train(Dataset data, TrainingOptions options) {
        return train(data, options, percent -> { });
    }

    /**
     * @param progress told the share of the work done, 0–100, as binning and fitting advance
     */
    public static Result train(Dataset data, TrainingOptions options, java.util.function.IntConsumer progress) {
        if (data.bads() == 0 || data.bads() == data.size()) {
            throw new IllegalArgumentException("training data needs both goods and bads");
        }
        List<VariableBinning> binnings = new ArrayList<>();
        List<double[]> woe = new ArrayList<>();
        for (int f = 0; f < data.features().size(); f++) {
            if (data.features().get(f).protectedAttribute() && !options.allowProtected()) {
                continue;
            }
            VariableBinning b = Binner.bin(data, f, options.binning());
            binnings.add(b);
            woe.add(b.woeColumn(data, f));
            progress.accept(70 * (f + 1) / data.features().size());
        }
        double[][] columns = woe.toArray(double[][]::new);
        List<Integer> selected = new ArrayList<>(VariableSelection.select(binnings, columns, options.minIv(),
                options.maxCorrelation(), options.maxVariables()));
        LogisticRegression regression = new LogisticRegression(options.l2(), 100, 1e-9);
        int[] y = data.targets();
        while (true) {
            if (selected.isEmpty()) {
                throw new IllegalArgumentException("no variable reaches the minimum information value");
            }
            double[][] x = selected.stream().map(i -> columns[i]).toArray(double[][]::new);
            LogisticRegression.Fit fit = regression.fit(x, y);
            if (!fit.converged()) {
                throw new ArithmeticException("the logistic regression did not converge");
            }
            int wrong = wrongSign(fit);
            progress.accept(90);
            if (wrong < 0) {
                return new Result(scorecard(binnings, selected, fit, options.scaling()), binnings, fit);
            }
            selected.remove(wrong);
        }
    }

    /** WOE grows with the share of goods, so a slope on the log-odds of bad must be negative */
    private static int wrongSign(LogisticRegression.Fit fit) {
        int worst = -1;
        double[] c = fit.coefficients();
        for (int j = 1; j < c.length; j++) {
            if (c[j] >= 0 && (worst < 0 || c[j] > c[worst + 1])) {
                worst = j - 1;
            }
        }
        return worst;
    }

    private static Scorecard scorecard(List<VariableBinning> binnings, List<Integer> selected,
            LogisticRegression.Fit fit, Scaling scaling) {
        List<Characteristic> characteristics = new ArrayList<>();
        for (int k = 0; k < selected.size(); k++) {
            VariableBinning b = binnings.get(selected.get(k));
            characteristics.add(new Characteristic(b, fit.slope(k),
                    Characteristic.pointsOf(b, fit.slope(k), fit.intercept(), selected.size(), scaling)));
        }
        return new Scorecard(scaling, fit.intercept(), characteristics);
    }
}
