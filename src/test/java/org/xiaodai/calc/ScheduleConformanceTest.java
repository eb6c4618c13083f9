package org.xiaodai.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Runs every schedule conformance vector (README §1) against {@link LoanCalculator}, one dynamic
 * test per vector, comparing every expected key to the cent as exact strings and reporting every
 * mismatch of a vector at once.
 *
 * <p>Vectors come from (a) {@code src/test/resources/conformance/schedules/}, (b) the shared
 * folder {@code ../shared/conformance/schedules/} (system property
 * {@code xiaodai.conformance.shared}) when it exists, and (c) the directory named by the system
 * property {@code xiaodai.conformance.dir} or the environment variable
 * {@code XIAODAI_CONFORMANCE_DIR}. Files with identical content are run once.
 */
class ScheduleConformanceTest {

    private static final List<String> SUMMARY_KEYS = List.of("totalInterest", "installmentAmount",
            "totalInterestExact", "totalRepaymentExact", "totalInterestFromRoundedInstallment",
            "totalRepaymentFromRoundedInstallment");

    private final LoanCalculator calculator = new LoanCalculator();

    @TestFactory
    Stream<DynamicTest> everyVectorReproducesToTheCent() {
        Map<String, Path> files = vectorFiles();
        assertThat(files).as("conformance vectors").isNotEmpty();
        return files.values().stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName() + " (" + file.getParent() + ")", file.toUri(), () -> check(file)));
    }

    private void check(Path file) {
        ConformanceVector vector = ConformanceVector.read(file);
        assertThat(vector.id() + ".json").as("id equals the file name").isEqualTo(file.getFileName().toString());
        Outcome<Schedule> outcome = calculator.schedule(vector.terms());
        if (!outcome.isSuccess()) {
            fail(vector.id() + ": refused: " + outcome.violations());
        }
        List<String> mismatches = mismatches(vector, outcome.value());
        if (!mismatches.isEmpty()) {
            fail(vector.id() + ": " + mismatches.size() + " mismatch(es):\n  " + String.join("\n  ", mismatches));
        }
    }

    static List<String> mismatches(ConformanceVector vector, Schedule schedule) {
        List<String> out = new ArrayList<>();
        int digits = vector.terms().currencyDigits();
        JsonNode expected = vector.expected();
        for (JsonNode row : expected.path("installments")) {
            compareRow(row, schedule, digits, out);
        }
        for (String key : expected.propertyNames()) {
            if (key.equals("installments")) {
                continue;
            }
            if (!SUMMARY_KEYS.contains(key)) {
                out.add("unknown expected key " + key);
                continue;
            }
            compare(key, expected.get(key).asString(), summary(schedule, key).map(v -> format(v, digits)), out);
        }
        return out;
    }

    private static void compareRow(JsonNode row, Schedule schedule, int digits, List<String> out) {
        int n = row.path("n").asInt();
        if (n < 1 || n > schedule.size()) {
            out.add("row " + n + " does not exist (schedule has " + schedule.size() + " rows)");
            return;
        }
        Installment computed = schedule.installment(n);
        Map<String, Function<Installment, String>> columns = new LinkedHashMap<>();
        columns.put("dueDate", i -> i.dueDate().toString());
        columns.put("principal", i -> format(i.principal(), digits));
        columns.put("interest", i -> format(i.interest(), digits));
        columns.put("total", i -> format(i.total(), digits));
        columns.put("balanceAfter", i -> format(i.balanceAfter(), digits));
        for (String key : row.propertyNames()) {
            if (key.equals("n")) {
                continue;
            }
            Function<Installment, String> column = columns.get(key);
            Optional<String> actual = column == null ? Optional.empty() : Optional.of(column.apply(computed));
            compare("row " + n + " " + key, row.get(key).asString(), actual, out);
        }
    }

    private static void compare(String what, String expected, Optional<String> actual, List<String> out) {
        if (actual.isEmpty()) {
            out.add(what + ": expected " + expected + " but the engine does not define it");
        } else if (!expected.equals(actual.get())) {
            out.add(what + ": expected " + expected + " but was " + actual.get());
        }
    }

    private static Optional<BigDecimal> summary(Schedule s, String key) {
        return switch (key) {
            case "totalInterest" -> Optional.of(s.totalInterest());
            case "installmentAmount" -> s.installmentAmount();
            case "totalInterestExact" -> s.totalInterestExact();
            case "totalRepaymentExact" -> s.totalRepaymentExact();
            case "totalInterestFromRoundedInstallment" -> s.totalInterestFromRoundedInstallment();
            case "totalRepaymentFromRoundedInstallment" -> s.totalRepaymentFromRoundedInstallment();
            default -> Optional.empty();
        };
    }

    /** README §1.2: exactly d decimals; an amount with more decimals is shown as it is (a bug). */
    static String format(BigDecimal amount, int digits) {
        return amount.scale() <= digits ? amount.setScale(digits).toPlainString() : amount.toPlainString();
    }

    /** @return vector files keyed by content, in a stable order */
    static Map<String, Path> vectorFiles() {
        // a directory given by property may hold servicing vectors too: ServicingConformanceTest runs those
        return ConformanceFiles.collect(vectorDirectories(), json -> !ServicingVector.isServicingVector(json));
    }

    private static List<Path> vectorDirectories() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(ConformanceFiles.resourceDirectory("/conformance/schedules"));
        dirs.add(ConformanceFiles.shared("xiaodai.conformance.shared", "../shared/conformance/schedules"));
        ConformanceFiles.named("xiaodai.conformance.dir", "XIAODAI_CONFORMANCE_DIR").ifPresent(extra -> {
            assertThat(extra).as("xiaodai.conformance.dir").isDirectory();
            dirs.add(extra);
        });
        return dirs;
    }
}
