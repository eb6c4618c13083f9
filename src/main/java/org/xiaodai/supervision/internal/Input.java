package org.xiaodai.supervision.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.DecimalNumber;

/**
 * Reads the text fields of a supervision form or request, collecting every broken rule (field and
 * rule named, in the caller's language through the shared {@code problem.field.*} messages) so one
 * answer lists them all; {@link #check()} throws them as one 400 before anything is written.
 */
final class Input {

    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{6,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
    private final List<FieldProblem> problems = new ArrayList<>();

    /** Required text of at most {@code max} characters, stripped. */
    String text(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        if (v.length() > max) {
            problems.add(FieldProblem.of(field, "size", 1, max));
            return null;
        }
        return v;
    }

    /** Optional text of at most {@code max} characters; null when blank. */
    String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "oneOf", String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    LocalDate date(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(v);
            if (date.getYear() < 1900 || date.getYear() > 2999) {
                problems.add(FieldProblem.of(field, "dateRange"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "date"));
            return null;
        }
    }

    LocalDate optionalDate(String field, String value) {
        return value == null || value.isBlank() ? null : date(field, value);
    }

    /** An amount in CNY: a plain decimal with at most two decimals; {@code min} or more when given. */
    BigDecimal money(String field, String value, BigDecimal min) {
        var result = DecimalNumber.validate(value);
        if (!result.isValid()) {
            String rule = value == null || value.isBlank() ? "required" : DecimalNumber.FORMAT;
            problems.add(rule.equals("required") ? FieldProblem.of(field, rule)
                    : FieldProblem.of(field, rule, DecimalNumber.MAX_INTEGER_DIGITS, DecimalNumber.MAX_FRACTION_DIGITS));
            return null;
        }
        BigDecimal amount = result.toOptional().orElseThrow();
        if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(FieldProblem.of(field, "currencyScale"));
            return null;
        }
        if (amount.abs().compareTo(new BigDecimal("1000000000000000")) >= 0) {
            problems.add(FieldProblem.of(field, "max"));
            return null;
        }
        if (min != null && amount.compareTo(min) < 0) {
            problems.add(FieldProblem.of(field, "min"));
            return null;
        }
        return amount.setScale(2);
    }

    int year(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (!v.matches("\\d{4}")) {
            problems.add(FieldProblem.of(field, v.isEmpty() ? "required" : "range"));
            return 0;
        }
        int year = Integer.parseInt(v);
        if (year < 1990 || year > 2999) {
            problems.add(FieldProblem.of(field, "range"));
        }
        return year;
    }

    String regionCode(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (!REGION.matcher(v).matches()) {
            problems.add(FieldProblem.of(field, v.isEmpty() ? "required" : "regionCode"));
            return null;
        }
        return v;
    }

    String phone(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!PHONE.matcher(value.strip()).matches()) {
            problems.add(FieldProblem.of(field, "format"));
            return null;
        }
        return value.strip();
    }

    String email(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 254 || !EMAIL.matcher(value.strip()).matches()) {
            problems.add(FieldProblem.of(field, "format"));
            return null;
        }
        return value.strip();
    }

    void fail(String field, String rule, Object... args) {
        problems.add(FieldProblem.of(field, rule, args));
    }

    /** Throws every collected problem as one 400; returns when there is none. */
    void check() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }
}
