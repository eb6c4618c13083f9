package org.xiaodai.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xiaodai.scoring.domain.Dataset;
import org.xiaodai.scoring.domain.Scorecard;

/** Single-thread scores per second of a scorecard on request-shaped maps (name to value), as the API scores. */
final class ScoringThroughput {

    private ScoringThroughput() {
    }

    static String measure(Scorecard card, Dataset rows, int rounds, int seconds) {
        List<Map<String, Object>> requests = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            requests.add(rows.row(i));
        }
        Map<String, Object>[] input = requests.toArray(Map[]::new);
        long checksum = 0;
        for (int w = 0; w < 3; w++) {
            checksum += round(card, input, 1)[1];
        }
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long[] result = round(card, input, seconds);
            rates[r] = result[0] * 1e9 / result[2];
            checksum += result[1];
        }
        Arrays.sort(rates);
        System.err.println("checksum " + checksum);
        return String.format(Locale.ROOT,
                "{\"benchmark\":\"scoring\",\"model\":\"scorecard\",\"scoresPerSecond\":%d,\"threads\":1,"
                        + "\"variables\":%d,\"min\":%d,\"max\":%d,\"rounds\":%d}",
                Math.round(rates[rounds / 2]), card.characteristics().size(), Math.round(rates[0]),
                Math.round(rates[rounds - 1]), rounds);
    }

    /** @return {scores, checksum, nanos} */
    private static long[] round(Scorecard card, Map<String, Object>[] input, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        long checksum = 0;
        long now;
        do {
            for (int i = 0; i < 1024; i++) {
                checksum += card.score(input[(int) (count++ % input.length)]);
            }
            now = System.nanoTime();
        } while (now < deadline);
        return new long[] {count, checksum, now - start};
    }
}
