package org.xiaodai.scoring.internal;

import java.time.Instant;
import java.util.UUID;

/** A stored model version as {@code scoring_model} holds it. */
record ModelRow(UUID id, UUID institutionId, String name, String purpose, int version, String status, int progress,
        String scorecard, String metrics, String trainingData, String codeVersion, String failure, UUID builtBy,
        String builtByName, Instant builtAt, UUID approvedBy, String approvedByName, Instant approvedAt) {
}
