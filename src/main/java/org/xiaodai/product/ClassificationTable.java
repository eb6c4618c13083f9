package org.xiaodai.product;

/**
 * The days-past-due thresholds of the five-level classification (五级分类) a product uses, exactly
 * the {@code classification} values of the servicing conformance README §8 (DOMAIN.md §4). Each
 * threshold is the first DPD of a grade; 0 means the grade is never reached by DPD alone.
 */
public enum ClassificationTable {
    DPD_DEFAULT(null, 1, 91, 271, 361),
    CREDIT(SecurityType.CREDIT, 11, 91, 181, 361),
    GUARANTEED(SecurityType.GUARANTEED, 31, 91, 181, 361),
    MORTGAGE(SecurityType.MORTGAGE, 31, 361, 0, 0),
    PLEDGE(SecurityType.PLEDGE, 91, 361, 0, 0);

    private final SecurityType security;
    private final int specialMention;
    private final int substandard;
    private final int doubtful;
    private final int loss;

    ClassificationTable(SecurityType security, int specialMention, int substandard, int doubtful, int loss) {
        this.security = security;
        this.specialMention = specialMention;
        this.substandard = substandard;
        this.doubtful = doubtful;
        this.loss = loss;
    }

    /**
     * True when a product of {@code security} may use this table: the region-wide default, or the
     * table made for its own security (a credit loan graded by the lenient mortgage table would hide
     * its risk).
     */
    public boolean fits(SecurityType securityType) {
        return security == null || security == securityType;
    }

    /** The grade (NORMAL, SPECIAL_MENTION, SUBSTANDARD, DOUBTFUL, LOSS) at {@code daysPastDue}. */
    public String grade(int daysPastDue) {
        if (reached(loss, daysPastDue)) {
            return "LOSS";
        }
        if (reached(doubtful, daysPastDue)) {
            return "DOUBTFUL";
        }
        if (reached(substandard, daysPastDue)) {
            return "SUBSTANDARD";
        }
        return reached(specialMention, daysPastDue) ? "SPECIAL_MENTION" : "NORMAL";
    }

    private static boolean reached(int threshold, int daysPastDue) {
        return threshold > 0 && daysPastDue >= threshold;
    }
}
