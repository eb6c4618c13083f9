package org.xiaodai.scoring.domain;

/**
 * Turns log-odds into points (刻度): {@code basePoints} at good:bad odds of {@code baseOdds}, and
 * {@code pdo} more points each time the odds double. score = offset + factor × ln(good odds) with
 * factor = pdo / ln 2 and offset = basePoints − factor × ln(baseOdds).
 *
 * @param basePoints points at the base odds (default 600)
 * @param baseOdds   good:bad odds at the base points (default 19, i.e. bad:good 1:19, PD 5 %)
 * @param pdo        points to double the odds (default 50), positive
 */
public record Scaling(double basePoints, double baseOdds, double pdo) {

    public Scaling {
        if (!(baseOdds > 0) || !(pdo > 0) || !Double.isFinite(basePoints)) {
            throw new IllegalArgumentException("baseOdds and pdo must be positive and basePoints finite");
        }
    }

    public static Scaling defaults() {
        return new Scaling(600, 19, 50);
    }

    public double factor() {
        return pdo / Math.log(2);
    }

    public double offset() {
        return basePoints - factor() * Math.log(baseOdds);
    }

    /** @return the score of a log-odds of bad {@code eta} (= ln(PD / (1 − PD))) */
    public double score(double logOddsOfBad) {
        return offset() - factor() * logOddsOfBad;
    }

    /** @return the probability of default at a score */
    public double probabilityOfDefault(double score) {
        return LogisticRegression.sigmoid((offset() - score) / factor());
    }
}
