package org.xiaodai.support;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;
import org.xiaodai.iam.internal.AccessCatalogue;

/** Whether a mapped path pattern is one the modules let a regulator user write to. */
public final class RegulatorPaths {

    private RegulatorPaths() {
    }

    /** {@code mapping} as mapped, e.g. {@code /api/v1/auth/tokens/{id}}; path variables are filled in. */
    public static boolean writable(AccessCatalogue catalogue, String mapping) {
        PathContainer concrete = PathContainer.parsePath(mapping.replaceAll("\\{[^}]+}", "x"));
        return catalogue.regulatorWritablePaths().stream()
                .anyMatch(p -> PathPatternParser.defaultInstance.parse(p).matches(concrete));
    }
}
