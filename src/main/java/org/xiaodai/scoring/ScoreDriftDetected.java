package org.xiaodai.scoring;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published when a model's daily stability check crosses into WATCH (0.1–0.25) or ACT (&gt; 0.25):
 * the population it scores no longer looks like the one it was trained on. The risk module turns
 * it into a risk alert; scoring keeps its own record in {@code scoring_alert}.
 *
 * @param level WATCH or ACT
 */
public record ScoreDriftDetected(UUID institutionId, UUID modelId, String modelName, LocalDate asOf, String level,
        BigDecimal psi, @Nullable String worstVariable, @Nullable BigDecimal worstCsi) {
}
