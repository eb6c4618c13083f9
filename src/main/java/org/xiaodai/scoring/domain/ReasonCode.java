package org.xiaodai.scoring.domain;

/**
 * Why a score is not higher (拒绝/评分理由): a variable, the bin the applicant fell into, the points
 * it gave and the points its best bin would have given.
 */
public record ReasonCode(String variable, String binLabel, int points, int bestPoints) {

    public int pointsLost() {
        return bestPoints - points;
    }
}
