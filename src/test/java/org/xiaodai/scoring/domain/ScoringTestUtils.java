package org.xiaodai.scoring.domain;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Fixtures for the scorecard pipeline: small hand-made tables and the shipped German data. */
final class ScoringTestUtils {

    private ScoringTestUtils() {
    }

    /** rows of one numeric variable: {@code count} rows of value {@code x}, {@code bads} of them bad */
    static Dataset numeric(String name, double[][] valueCountBads) {
        Dataset.Builder b = Dataset.builder(List.of(Feature.numeric(name)));
        for (double[] row : valueCountBads) {
            for (int i = 0; i < row[1]; i++) {
                b.add(new Object[] {Double.isNaN(row[0]) ? null : row[0]}, i < row[2] ? 1 : 0);
            }
        }
        return b.build();
    }

    static Dataset categorical(String name, Object[][] categoryCountBads) {
        Dataset.Builder b = Dataset.builder(List.of(Feature.categorical(name)));
        for (Object[] row : categoryCountBads) {
            for (int i = 0; i < (int) row[1]; i++) {
                b.add(new Object[] {row[0]}, i < (int) row[2] ? 1 : 0);
            }
        }
        return b.build();
    }

    static Dataset german() {
        try (Reader r = new InputStreamReader(ScoringTestUtils.class.getResourceAsStream("/scoring/german.data"),
                StandardCharsets.UTF_8)) {
            return GermanCredit.read(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
