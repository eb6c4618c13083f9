package org.xiaodai.calc;

/**
 * The days-past-due thresholds of the five-level grade (servicing README §8), one table per kind
 * of loan. A threshold of 0 means the table never reaches that grade. The constant names are the
 * JSON values of the policy's {@code classification}.
 */
public enum GradeTable {
    /** 1 / 91 / 271 / 361 days past due. */
    DPD_DEFAULT(1, 91, 271, 361),
    /** 信用贷款: 11 / 91 / 181 / 361. */
    CREDIT(11, 91, 181, 361),
    /** 保证贷款: 31 / 91 / 181 / 361. */
    GUARANTEED(31, 91, 181, 361),
    /** 抵押贷款: 31 / 361, never worse than 次级 by days alone. */
    MORTGAGE(31, 361, 0, 0),
    /** 质押贷款: 91 / 361, never worse than 次级 by days alone. */
    PLEDGE(91, 361, 0, 0);

    private final long[] thresholds;

    GradeTable(long specialMention, long substandard, long doubtful, long loss) {
        this.thresholds = new long[] {specialMention, substandard, doubtful, loss};
    }

    /**
     * @param daysPastDue days past due, ≥ 0
     * @return the worst grade whose threshold the days reach, {@link FiveLevelGrade#NORMAL} if none
     */
    public FiveLevelGrade grade(long daysPastDue) {
        FiveLevelGrade grade = FiveLevelGrade.NORMAL;
        for (int i = 0; i < thresholds.length; i++) {
            if (thresholds[i] > 0 && daysPastDue >= thresholds[i]) {
                grade = FiveLevelGrade.values()[i + 1];
            }
        }
        return grade;
    }
}
