package org.xiaodai.scoring.domain;

import java.util.Objects;

/**
 * One input variable of a scorecard: its name, whether it is numeric or categorical, and whether
 * it is a protected attribute (sex, marital status, nationality / foreign-worker status) that a
 * shipped model must never use.
 *
 * @param name unique within a dataset, must not be blank
 * @param kind numeric or categorical
 * @param protectedAttribute true for a protected attribute (公平性: never a model input)
 */
public record Feature(String name, Kind kind, boolean protectedAttribute) {

    /** How a variable's values are read and binned. */
    public enum Kind { NUMERIC, CATEGORICAL }

    public Feature {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a feature needs a name");
        }
    }

    public static Feature numeric(String name) {
        return new Feature(name, Kind.NUMERIC, false);
    }

    public static Feature categorical(String name) {
        return new Feature(name, Kind.CATEGORICAL, false);
    }

    /** @return this feature marked as a protected attribute */
    public Feature asProtected() {
        return new Feature(name, kind, true);
    }

    public boolean numeric() {
        return kind == Kind.NUMERIC;
    }
}
