package org.xiaodai.calc;

/**
 * Y, the days in a year of the day count (README §2.2). JSON values are the strings
 * {@code "360"}, {@code "364"}, {@code "365"} and {@code "ACTUAL"}; see {@link #code()} and
 * {@link #fromCode(String)}.
 */
public enum DaysInYear {
    DAYS_360("360", 360),
    DAYS_364("364", 364),
    DAYS_365("365", 365),
    /** Actual/actual: a period is split at each 1 January; for periods per year it counts as 365. */
    ACTUAL("ACTUAL", 365);

    private final String code;
    private final int nominalDays;

    DaysInYear(String code, int nominalDays) {
        this.code = code;
        this.nominalDays = nominalDays;
    }

    /** @return the JSON value, e.g. {@code "360"} */
    public String code() {
        return code;
    }

    /** @return 360, 364 or 365; {@link #ACTUAL} counts as 365 */
    public int nominalDays() {
        return nominalDays;
    }

    /**
     * Parses a JSON value.
     *
     * @param code one of "360", "364", "365", "ACTUAL"; must not be null
     * @return the constant
     * @throws IllegalArgumentException for any other value
     */
    public static DaysInYear fromCode(String code) {
        for (DaysInYear value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("daysInYear must be 360, 364, 365 or ACTUAL: " + code);
    }
}
