package org.xiaodai.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Map<String, Path> files = new LinkedHashMap<>();
        for (Path dir : vectorDirectories()) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    String content = Files.readString(file);
                    if (ServicingVector.isServicingVector(ServicingVector.JSON.readTree(content))) {
                        files.putIfAbsent(content, file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static List<Path> vectorDirectories() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(resourceDirectory());
        String shared = configured(System.getProperty("xiaodai.servicing.conformance.shared"));
        dirs.add(Path.of(shared != null ? shared : "../shared/conformance/servicing"));
        String extra = configured(System.getProperty("xiaodai.servicing.conformance.dir"));
        if (extra == null) {
            extra = configured(System.getenv("XIAODAI_SERVICING_CONFORMANCE_DIR"));
        }
        if (extra != null) {
            Path path = Path.of(extra);
            assertThat(path).as("xiaodai.servicing.conformance.dir").isDirectory();
            dirs.add(path);
        }
        String mixed = configured(System.getProperty("xiaodai.conformance.dir"));
        if (mixed == null) {
            mixed = configured(System.getenv("XIAODAI_CONFORMANCE_DIR"));
        }
        if (mixed != null) {
            dirs.add(Path.of(mixed));
        }
        return dirs.stream().filter(Files::isDirectory).toList();
    }

    /** @return the value, or null when unset, blank or an unresolved Maven placeholder */
    private static String configured(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? null : value;
    }

    private static Path resourceDirectory() {
        URL url = ServicingConformanceTest.class.getResource("/conformance/servicing");
        assertThat(url).as("test resources conformance/servicing").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
