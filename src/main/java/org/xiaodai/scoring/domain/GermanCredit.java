package org.xiaodai.scoring.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UCI Statlog German Credit file ({@code german.data}: 20 space-separated attributes and
 * the class, 1 good, 2 bad) into application-form variables (申请评分卡 A-card inputs). The codes
 * stay as they are (A11…A14 and so on); {@code personalStatusSex} and {@code foreignWorker} are
 * protected attributes.
 */
public final class GermanCredit {

    /** The 20 attributes in file order, named after the application-form field they map to. */
    public static final List<Feature> FEATURES = List.of(
            Feature.categorical("currentAccount"), Feature.numeric("termMonths"),
            Feature.categorical("creditHistory"), Feature.categorical("purpose"), Feature.numeric("amount"),
            Feature.categorical("savings"), Feature.categorical("employmentLength"),
            Feature.numeric("installmentRate"), Feature.categorical("personalStatusSex").asProtected(),
            Feature.categorical("guarantor"), Feature.numeric("residenceYears"), Feature.categorical("property"),
            Feature.numeric("age"), Feature.categorical("otherInstallments"), Feature.categorical("housing"),
            Feature.numeric("existingCredits"), Feature.categorical("job"), Feature.numeric("dependents"),
            Feature.categorical("telephone"), Feature.categorical("foreignWorker").asProtected());

    private GermanCredit() {
    }

    public static Dataset read(Reader reader) throws IOException {
        Dataset.Builder builder = Dataset.builder(FEATURES);
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            if (fields.length != FEATURES.size() + 1) {
                throw new IllegalArgumentException("line " + number + ": expected 21 fields, got " + fields.length);
            }
            Object[] values = new Object[FEATURES.size()];
            for (int f = 0; f < values.length; f++) {
                values[f] = FEATURES.get(f).numeric() ? (Object) Double.parseDouble(fields[f]) : fields[f];
            }
            builder.add(values, "2".equals(fields[20]) ? 1 : 0);
        }
        return builder.build();
    }

    /** @return stratified fold numbers 0..folds−1 for every row, shuffled with a fixed seed */
    public static int[] stratifiedFolds(int[] target, int folds, long seed) {
        java.util.Random random = new java.util.Random(seed);
        int[] fold = new int[target.length];
        for (int cls = 0; cls <= 1; cls++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < target.length; i++) {
                if (target[i] == cls) {
                    rows.add(i);
                }
            }
            java.util.Collections.shuffle(rows, random);
            for (int k = 0; k < rows.size(); k++) {
                fold[rows.get(k)] = k % folds;
            }
        }
        return fold;
    }
}
