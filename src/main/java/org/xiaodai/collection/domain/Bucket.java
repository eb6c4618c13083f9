package org.xiaodai.collection.domain;

import java.util.Optional;

/** Overdue bucket (逾期账龄段) by days past due: M1 1–30, M2 31–60, M3+ over 60. */
public enum Bucket {
    M1, M2, M3_PLUS;

    public static Bucket of(long daysPastDue) {
        return daysPastDue <= 30 ? M1 : daysPastDue <= 60 ? M2 : M3_PLUS;
    }

    /** As written in a query: {@code M1}, {@code M2}, {@code M3+} (also {@code M3_PLUS}, {@code M3}, any case). */
    public static Optional<Bucket> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // a "+" in a query string arrives as a space when not escaped
        return switch (text.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "M1" -> Optional.of(M1);
            case "M2" -> Optional.of(M2);
            case "M3+", "M3", "M3_PLUS" -> Optional.of(M3_PLUS);
            default -> Optional.empty();
        };
    }

    /** As people write it: M1, M2, M3+. */
    public String label() {
        return this == M3_PLUS ? "M3+" : name();
    }
}
