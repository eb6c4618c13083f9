package org.xiaodai.calc;

/**
 * Day count of a month for {@link InterestAccrual#DAILY} accrual with monthly repayments
 * (README §2.2); it has no other effect. JSON values are {@code "30"} and {@code "ACTUAL"}.
 */
public enum DaysInMonth {
    /** Every whole calendar month counts as 30 days (dc30). */
    DAYS_30("30"),
    /** Actual calendar days. */
    ACTUAL("ACTUAL");

    private final String code;

    DaysInMonth(String code) {
        this.code = code;
    }

    /** @return the JSON value, e.g. {@code "30"} */
    public String code() {
        return code;
    }

    /**
     * Parses a JSON value.
     *
     * @param code "30" or "ACTUAL"; must not be null
     * @return the constant
     * @throws IllegalArgumentException for any other value
     */
    public static DaysInMonth fromCode(String code) {
        for (DaysInMonth value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("daysInMonth must be 30 or ACTUAL: " + code);
    }
}
