package org.xiaodai.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xiaodai.scoring.domain.Dataset;
import org.xiaodai.scoring.domain.Scorecard;

/**
 * Single-thread scores per second of a scorecard on request-shaped maps (name to value, as the API
 * scores them): 4,096 different test rows in turn, like the calc benchmark's 4,096 terms.
 */
final class ScoringThroughput {

    private ScoringThroughput() {
    }

    static String measure(Scorecard card, Dataset rows, int rounds, int seconds) {
        List<Map<String, Object>> requests = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), 4096); i++) {
            requests.add(rows.row(i));
        }
        Map<String, Object>[] input = requests.toArray(Map[]::new);
        long checksum = 0;
        for (int w = 0; w < 3; w++) {
            checksum += round(card, input, 1)[1];
        }
        double[] rates = new double[rounds];
        double[] cpuRates = new double[rounds];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long[] result = round(card, input, seconds);
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            rates[r] = result[0] * 1e9 / result[2];
            cpuRates[r] = result[0] * 1e9 / Math.max(cpu, 1);
            checksum += result[1];
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        System.err.println("checksum " + checksum);
        return String.format(Locale.ROOT,
                "{\"benchmark\":\"scoring\",\"model\":\"scorecard\",\"scoresPerSecond\":%d,\"threads\":1,"
                        + "\"variables\":%d,\"min\":%d,\"max\":%d,\"rounds\":%d,\"scoresPerCpuSecond\":%d}",
                Math.round(rates[rounds / 2]), card.characteristics().size(), Math.round(rates[0]),
                Math.round(rates[rounds - 1]), rounds, Math.round(cpuRates[rounds / 2]));
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
