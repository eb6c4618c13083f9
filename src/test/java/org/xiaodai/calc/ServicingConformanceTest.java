package org.xiaodai.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every servicing conformance vector (servicing README §1) against {@link ServicingCalculator},
 * one dynamic test per vector, comparing every expected key (README §4) and reporting every
 * mismatch of a vector at once.
 *
 * <p>Vectors come from (a) {@code src/test/resources/conformance/servicing/}, (b) the shared
 * folder {@code ../shared/conformance/servicing/} (system property
 * {@code xiaodai.servicing.conformance.shared}) when it exists, and (c) the directory named by the
 * system property {@code xiaodai.servicing.conformance.dir} or the environment variable
 * {@code XIAODAI_SERVICING_CONFORMANCE_DIR}; servicing vectors (files with a {@code policy} and
 * {@code events}) in the schedule test's {@code xiaodai.conformance.dir} run here too. Files with
 * identical content are run once.
 */
public class ServicingConformanceTest {

    private final ServicingCalculator calculator = new ServicingCalculator();

    @TestFactory
    Stream<DynamicTest> everyVectorReproducesToTheCent() {
        Map<String, Path> files = vectorFiles();
        assertThat(files).as("servicing conformance vectors").isNotEmpty();
        return files.values().stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName() + " (" + file.getParent() + ")", file.toUri(), () -> check(file)));
    }

    private void check(Path file) {
        ServicingVector vector = ServicingVector.read(file);
        assertThat(vector.id() + ".json").as("id equals the file name").isEqualTo(file.getFileName().toString());
        Outcome<LoanPosition> outcome = calculator.position(vector.request());
        if (!outcome.isSuccess()) {
            fail(vector.id() + ": refused: " + outcome.violations());
        }
        List<String> mismatches = ServicingJson.mismatches(vector.expected(),
                ServicingJson.of(outcome.value(), vector.request().terms().currencyDigits()));
        if (!mismatches.isEmpty()) {
            fail(vector.id() + ": " + mismatches.size() + " mismatch(es):\n  " + String.join("\n  ", mismatches));
        }
    }

    /** @return servicing vector files keyed by content, in a stable order */
    public static Map<String, Path> vectorFiles() {
        return ConformanceFiles.collect(vectorDirectories(), ServicingVector::isServicingVector);
    }

    private static List<Path> vectorDirectories() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(ConformanceFiles.resourceDirectory("/conformance/servicing"));
        dirs.add(ConformanceFiles.shared("xiaodai.servicing.conformance.shared", "../shared/conformance/servicing"));
        ConformanceFiles.named("xiaodai.servicing.conformance.dir", "XIAODAI_SERVICING_CONFORMANCE_DIR").ifPresent(extra -> {
            assertThat(extra).as("xiaodai.servicing.conformance.dir").isDirectory();
            dirs.add(extra);
        });
        // servicing vectors placed among the schedule vectors run here
        ConformanceFiles.named("xiaodai.conformance.dir", "XIAODAI_CONFORMANCE_DIR").ifPresent(dirs::add);
        return dirs;
    }
}
