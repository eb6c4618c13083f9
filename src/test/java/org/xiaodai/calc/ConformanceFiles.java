package org.xiaodai.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Where the conformance tests ({@link ScheduleConformanceTest}, {@link ServicingConformanceTest})
 * find their vectors: the test resources, the shared folder, and directories named by system
 * properties or environment variables.
 */
final class ConformanceFiles {

    private ConformanceFiles() {
    }

    /** @return the JSON files under {@code dirs} that {@code accept}, keyed by content (identical files run once), in a stable order */
    static Map<String, Path> collect(List<Path> dirs, Predicate<JsonNode> accept) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Path dir : dirs.stream().filter(Files::isDirectory).toList()) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    String content = Files.readString(file);
                    if (accept.test(ServicingVector.JSON.readTree(content))) {
                        files.putIfAbsent(content, file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The folder of test resources at {@code resource}, which must exist. */
    static Path resourceDirectory(String resource) {
        URL url = ConformanceFiles.class.getResource(resource);
        assertThat(url).as("test resources " + resource).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared folder: the system property {@code property}, else {@code fallback}. */
    static Path shared(String property, String fallback) {
        return Path.of(configured(System.getProperty(property)).orElse(fallback));
    }

    /** A directory named by the system property, else the environment variable; none when both are unset. */
    static Optional<Path> named(String property, String environment) {
        return configured(System.getProperty(property)).or(() -> configured(System.getenv(environment))).map(Path::of);
    }

    /** @return the value, or empty when unset, blank or an unresolved Maven placeholder */
    private static Optional<String> configured(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? Optional.empty() : Optional.of(value);
    }
}
