package org.xiaodai.scoring.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an uploaded training file (comma-separated, a header row, a declared target column of 0 =
 * good and 1 = bad). A column is numeric when every non-empty value is a number, else categorical;
 * an empty value is missing. Columns whose names say they hold a protected attribute (sex, gender,
 * marital status, nationality, foreign-worker status, ethnicity, religion) are marked protected so
 * training leaves them out; an {@code id} column is dropped.
 */
public final class CsvDataset {

    private static final Set<String> PROTECTED_WORDS = Set.of("sex", "gender", "marriage", "marital", "married",
            "foreign", "nationality", "ethnic", "race", "religion", "personalstatus");

    /** Why a file cannot be trained on; {@code field} names the offending column or row. */
    public static final class InvalidCsv extends IllegalArgumentException {
        private final String rule;

        InvalidCsv(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private CsvDataset() {
    }

    public static Dataset read(String csv, String targetColumn) {
        List<String[]> rows = new ArrayList<>();
        for (String line : csv.split("\r?\n")) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        if (rows.size() < 3) {
            throw new InvalidCsv("csvTooShort", "a header and at least two rows are required");
        }
        String[] header = rows.get(0);
        int target = indexOf(header, targetColumn);
        List<Integer> columns = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c].trim();
            if (c == target || name.isEmpty() || name.equalsIgnoreCase("id")) {
                continue;
            }
            Feature f = allNumeric(rows, c) ? Feature.numeric(name) : Feature.categorical(name);
            columns.add(c);
            features.add(isProtected(name) ? f.asProtected() : f);
        }
        Dataset.Builder builder = Dataset.builder(features);
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (row.length != header.length) {
                throw new InvalidCsv("csvColumns", "row " + (r + 1) + " has " + row.length + " fields, the header " + header.length);
            }
            Object[] values = new Object[features.size()];
            for (int k = 0; k < values.length; k++) {
                String v = row[columns.get(k)].trim();
                values[k] = v.isEmpty() ? null : features.get(k).numeric() ? (Object) Double.parseDouble(v) : v;
            }
            String t = row[target].trim();
            if (!t.equals("0") && !t.equals("1")) {
                throw new InvalidCsv("csvTarget", "row " + (r + 1) + ": the target must be 0 or 1, not '" + t + "'");
            }
            builder.add(values, t.equals("1") ? 1 : 0);
        }
        return builder.build();
    }

    public static boolean isProtected(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return PROTECTED_WORDS.stream().anyMatch(n::contains);
    }

    private static int indexOf(String[] header, String name) {
        for (int c = 0; c < header.length; c++) {
            if (header[c].trim().equals(name)) {
                return c;
            }
        }
        throw new InvalidCsv("csvTargetColumn", "the header has no column '" + name + "'");
    }

    private static boolean allNumeric(List<String[]> rows, int c) {
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (c < row.length && !row[c].isBlank()) {
                try {
                    double d = Double.parseDouble(row[c].trim());
                    if (!Double.isFinite(d)) {
                        return false;
                    }
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
