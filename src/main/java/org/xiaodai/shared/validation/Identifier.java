package org.xiaodai.shared.validation;

/**
 * A validated identifier in its normalised form. Two identifiers are equal when they are of the
 * same kind and have the same value. Identifiers of persons print masked ({@link #toString()}), so
 * a full number never reaches a log by accident.
 */
public abstract class Identifier {

    private final String value;

    Identifier(String value) {
        this.value = value;
    }

    /** The identifier in full, normalised. Personal data (PIPL) for persons: mask it for display. */
    public String value() {
        return value;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && value.equals(((Identifier) o).value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }
}
