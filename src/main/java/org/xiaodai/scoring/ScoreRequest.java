package org.xiaodai.scoring;

import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.UUID;

/**
 * What to score.
 *
 * @param productId the product whose active models decide (null: the institution's default ones)
 * @param purpose   application or behaviour; must not be null
 * @param subject   what is scored (an application or loan id), kept with the result; may be null
 * @param inputs    variable name → number, numeric string or category; unknown names are ignored,
 *                  absent ones count as missing
 */
public record ScoreRequest(@Nullable UUID productId, Purpose purpose, @Nullable String subject, Map<String, Object> inputs) {

    public ScoreRequest {
        java.util.Objects.requireNonNull(purpose, "purpose must not be null");
        inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }
}
