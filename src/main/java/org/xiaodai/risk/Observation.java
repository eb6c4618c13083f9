package org.xiaodai.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One value of an indicator for an institution on a business date, handed to
 * {@link EarlyWarnings#evaluate}.
 *
 * @param indicator    an indicator code of {@link Indicators}, e.g. {@code score-psi}
 * @param subject      what the value is about, so one alert is raised per subject and date
 *                     (e.g. {@code model:<id>}, {@code institution}); must not be blank
 * @param subjectLabel how the subject reads on screens (a model's name), or null
 */
public record Observation(UUID institutionId, String indicator, BigDecimal value, LocalDate asOf, String subject,
                          @Nullable String subjectLabel) {

    public Observation {
        Objects.requireNonNull(institutionId, "institutionId must not be null");
        Objects.requireNonNull(indicator, "indicator must not be null");
        Objects.requireNonNull(value, "value must not be null");
        Objects.requireNonNull(asOf, "asOf must not be null");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
    }
}
