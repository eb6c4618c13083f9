package org.xiaodai.collection.domain;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The conduct rules' numbers (defaults of the 2026 banking-association guideline, configurable):
 * the quiet window in local time and the most unanswered calls to one contact in one local day.
 */
public record ConductPolicy(LocalTime quietFrom, LocalTime quietUntil, int maxUnansweredCallsPerDay) {

    public ConductPolicy {
        Objects.requireNonNull(quietFrom, "quietFrom must not be null");
        Objects.requireNonNull(quietUntil, "quietUntil must not be null");
        if (maxUnansweredCallsPerDay < 1) {
            throw new IllegalArgumentException("maxUnansweredCallsPerDay must be at least 1");
        }
    }

    public static ConductPolicy defaults() {
        return new ConductPolicy(LocalTime.of(22, 0), LocalTime.of(8, 0), 6);
    }

    /** Whether {@code time} (local) is inside the quiet window, which may cross midnight. */
    public boolean quiet(LocalTime time) {
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil) ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }
}
