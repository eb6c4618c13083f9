package org.xiaodai.scoring;

/**
 * Scores for the caller's institution with its active champion model for the product and purpose
 * (and the challenger beside it, when one is active); every score is recorded for monitoring.
 */
public interface Scoring {

    /**
     * @throws org.xiaodai.shared.problem.ProblemException invalid input (field {@code purpose} when
     *         no model is active for it)
     */
    ScoreResult score(ScoreRequest request);

    /**
     * The inputs (characteristic names) the active champion model for the product and purpose reads,
     * in the model's order; empty when no model is active for them.
     */
    java.util.List<String> inputsNeeded(java.util.UUID productId, Purpose purpose);
}
