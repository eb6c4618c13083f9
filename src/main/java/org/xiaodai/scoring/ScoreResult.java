package org.xiaodai.scoring;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A score with its explanation (the champion decides; a challenger's score is shown beside it).
 *
 * @param score              points
 * @param grade              A (best) … E
 * @param probabilityOfDefault read from the score, 4 decimals
 * @param reasons            at most three: the variables that cost the most points, in the caller's language
 * @param recommendedLimit   the grade's limit from the institution's grade table
 * @param currency           of the limit
 * @param rateFromPercent    lower end of the grade's annual rate band, percent
 * @param rateToPercent      upper end of the grade's annual rate band, percent
 * @param challenger         the challenger's score when one is active, else null
 */
public record ScoreResult(UUID modelId, String modelName, int modelVersion, int score, String grade,
        BigDecimal probabilityOfDefault, List<Reason> reasons, BigDecimal recommendedLimit, String currency,
        BigDecimal rateFromPercent, BigDecimal rateToPercent, @Nullable ChallengerScore challenger) {

    /** One reason code (评分理由): a variable, the applicant's bin, and the points it cost against the best bin. */
    public record Reason(String code, String text, String bin, int pointsLost) {
    }

    /** The challenger's view of the same request (not used for the decision). */
    public record ChallengerScore(UUID modelId, String modelName, int modelVersion, int score, String grade,
            BigDecimal probabilityOfDefault) {
    }
}
