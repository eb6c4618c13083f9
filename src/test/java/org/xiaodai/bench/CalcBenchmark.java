package org.xiaodai.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import org.xiaodai.calc.LoanCalculator;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Schedule;

/**
 * Single-thread throughput of the schedule engine: 12-period monthly 等额本息 schedules with full
 * rows, validation included, as {@link LoanCalculator#schedule} computes them for the API. Run by
 * {@code ./bench/run.sh calc}; not a test (no surefire name pattern matches it).
 *
 * <p>Principals vary per iteration over 4096 prebuilt terms so nothing is constant-folded, and a
 * checksum of every result is printed to stderr so no work can be eliminated. Prints one JSON
 * line: median, min and max schedules per second over the measured rounds.
 *
 * <p>Options: {@code --rounds N} (default 5), {@code --seconds S} per round (default 2),
 * {@code --warmup N} rounds (default 3).
 */
public final class CalcBenchmark {

    private static final int VARIANTS = 4096;

    private CalcBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = option(args, "--rounds", 5);
        int seconds = option(args, "--seconds", 2);
        int warmup = option(args, "--warmup", 3);
        LoanTerms[] terms = terms();
        LoanCalculator calculator = new LoanCalculator();
        long checksum = 0;
        for (int i = 0; i < warmup; i++) {
            checksum += round(calculator, terms, 1)[1];
        }
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long[] result = round(calculator, terms, seconds);
            rates[i] = result[0] * 1e9 / result[2];
            checksum += result[1];
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double median = sorted[rounds / 2];
        System.err.println("checksum " + checksum);
        System.out.printf("{\"benchmark\":\"calc\",\"schedulesPerSecond\":%d,\"rounds\":%d,\"secondsPerRound\":%d,"
                + "\"median\":%d,\"min\":%d,\"max\":%d,\"threads\":1,\"periods\":12}%n",
                Math.round(median), rounds, seconds, Math.round(median), Math.round(sorted[0]),
                Math.round(sorted[rounds - 1]));
    }

    /** @return {schedules, checksum, nanos} for one timed round */
    private static long[] round(LoanCalculator calculator, LoanTerms[] terms, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        long checksum = 0;
        long now;
        do {
            for (int i = 0; i < 256; i++) {
                Schedule s = calculator.schedule(terms[(int) (count++ & (VARIANTS - 1))]).value();
                checksum += s.installment(12).interest().unscaledValue().longValue()
                        + s.installment(1).principal().unscaledValue().longValue() + s.size();
            }
            now = System.nanoTime();
        } while (now < deadline);
        return new long[] {count, checksum, now - start};
    }

    private static LoanTerms[] terms() {
        LoanTerms[] terms = new LoanTerms[VARIANTS];
        LoanTerms.Builder builder = LoanTerms.builder().annualInterestRatePercent("12").numberOfRepayments(12)
                .disbursementDate(LocalDate.of(2025, 1, 15)).firstRepaymentDate(LocalDate.of(2025, 2, 15));
        for (int i = 0; i < VARIANTS; i++) {
            // 1,000.00 .. ~200,000.00 in odd cents
            terms[i] = builder.principal(BigDecimal.valueOf(100_000L + i * 4_871_237L % 19_900_000L, 2)).build();
        }
        return terms;
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
