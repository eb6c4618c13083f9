package org.xiaodai.scoring.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.scoring.Purpose;
import org.xiaodai.scoring.ScoreRequest;
import org.xiaodai.scoring.ScoreResult;
import org.xiaodai.scoring.Scoring;
import org.xiaodai.scoring.internal.ModelLifecycle;
import org.xiaodai.scoring.internal.ModelViews;
import org.xiaodai.scoring.internal.Retraining;
import org.xiaodai.scoring.internal.ScoringModels;
import org.xiaodai.scoring.internal.StabilityMonitor;

/** Scorecard models of the caller's institution: list, detail, approval, activation, retraining, scoring, stability. */
@RestController
@RequestMapping("/api/v1/scoring")
@Tag(name = "Scoring", description = "Scorecard models (评分卡): versions, maker-checker approval, activation per product, "
        + "retraining from a CSV, scoring with reasons, population stability.")
class ScoringApiController {

    private final ScoringModels models;
    private final ModelLifecycle lifecycle;
    private final Retraining retraining;
    private final StabilityMonitor stability;
    private final Scoring scoring;

    ScoringApiController(ScoringModels models, ModelLifecycle lifecycle, Retraining retraining, StabilityMonitor stability,
            Scoring scoring) {
        this.models = models;
        this.lifecycle = lifecycle;
        this.retraining = retraining;
        this.stability = stability;
        this.scoring = scoring;
    }

    @Schema(description = "Where to put an approved model.")
    record ActivationRequest(
            @Schema(description = "Product id; absent: the default for every product without its own model.")
            UUID productId,
            @Schema(description = "CHAMPION decides; CHALLENGER is scored alongside for comparison.", example = "CHAMPION")
            @NotNull ModelLifecycle.Role role) {
    }

    @Schema(description = "A new model version to train from a CSV (header row; target column 0 = good, 1 = bad).")
    record TrainingRequest(@Schema(example = "A-card 2026Q4") @NotBlank @Size(max = 60) String name,
                           @Schema(example = "APPLICATION") @NotNull Purpose purpose,
                           @Schema(example = "bad") @NotBlank @Size(max = 60) String targetColumn,
                           @Schema(description = "The CSV text.") @NotBlank String csv) {
    }

    @Schema(description = "What to score.")
    record ScoringRequest(@Schema(description = "Product id; absent: the institution's default models.") UUID productId,
                          @Schema(example = "APPLICATION") @NotNull Purpose purpose,
                          @Schema(description = "Application or loan reference kept with the score.") @Size(max = 80) String subject,
                          @Schema(description = "Variable name → number or text (see the model's points table).")
                          @NotNull Map<String, Object> inputs) {
    }

    @Operation(operationId = "listScoringModels", summary = "Model versions of the caller's institution, newest first")
    @GetMapping("/models")
    @PreAuthorize("hasAuthority('scoring:model:view')")
    List<ModelViews.ModelSummary> list() {
        return models.list();
    }

    @Operation(operationId = "getScoringModel",
            summary = "One model version: training data, out-of-sample performance and the points table")
    @GetMapping("/models/{id}")
    @PreAuthorize("hasAuthority('scoring:model:view')")
    ModelViews.ModelDetail get(@PathVariable UUID id) {
        return models.get(id);
    }

    @Operation(operationId = "getScoringModelStability", summary = "A model's daily stability checks (PSI, worst CSI), oldest first")
    @GetMapping("/models/{id}/stability")
    @PreAuthorize("hasAuthority('scoring:model:view')")
    List<StabilityMonitor.Check> stability(@PathVariable UUID id) {
        return stability.history(id);
    }

    @Operation(operationId = "listScoringAlerts", summary = "Drift alerts of the caller's institution, newest first")
    @GetMapping("/alerts")
    @PreAuthorize("hasAuthority('scoring:model:view')")
    List<StabilityMonitor.Alert> alerts() {
        return stability.alerts();
    }

    @Operation(operationId = "approveScoringModel", summary = "Approve a draft model (not by the user who built it)",
            description = "403 maker-cannot-check for the builder; a model that is not a draft is invalid input.")
    @PostMapping("/models/{id}/approval")
    @PreAuthorize("hasAuthority('scoring:model:approve')")
    ModelViews.ModelDetail approve(@PathVariable UUID id) {
        return lifecycle.approve(id);
    }

    @Operation(operationId = "activateScoringModel",
            summary = "Make an approved model the champion or challenger for a product (or the default)")
    @PostMapping("/models/{id}/activations")
    @PreAuthorize("hasAuthority('scoring:model:approve')")
    ModelViews.ModelDetail activate(@PathVariable UUID id, @Valid @RequestBody ActivationRequest request) {
        return lifecycle.activate(id, request.productId(), request.role());
    }

    @Operation(operationId = "trainScoringModel",
            summary = "Train a new model version from a CSV in the background; poll the model for its progress")
    @PostMapping("/models")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('scoring:model:build')")
    ModelViews.ModelSummary train(@Valid @RequestBody TrainingRequest request) {
        return retraining.start(new Retraining.Request(request.name(), request.purpose(), request.targetColumn(),
                request.csv()));
    }

    @Operation(operationId = "score", summary = "Score with the active champion (and challenger): score, grade, PD, "
            + "three reasons in the caller's language, recommended limit and rate band")
    @PostMapping("/scores")
    @PreAuthorize("hasAuthority('scoring:score')")
    ScoreResult score(@Valid @RequestBody ScoringRequest request) {
        return scoring.score(new ScoreRequest(request.productId(), request.purpose(), request.subject(), request.inputs()));
    }
}
