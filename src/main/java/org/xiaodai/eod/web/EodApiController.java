package org.xiaodai.eod.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.eod.internal.EndOfDayRunner;
import org.xiaodai.eod.internal.EodProperties;
import org.xiaodai.eod.internal.EodRun;
import org.xiaodai.eod.internal.EodWork;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.problem.ProblemResponse;

/** End of day (日终) of the caller's institution: its business date, closing it, and the runs that do. */
@RestController
@RequestMapping("/api/v1/eod")
@Tag(name = "End of day", description = "The business date (会计日) and the end-of-day runs (日终) that close it.")
class EodApiController {

    private final EndOfDayRunner runner;
    private final EodWork work;
    private final EodProperties properties;

    EodApiController(EndOfDayRunner runner, EodWork work, EodProperties properties) {
        this.runner = runner;
        this.work = work;
        this.properties = properties;
    }

    @Schema(name = "BusinessDate", description = "The caller's institution's business date.")
    record BusinessDateView(UUID institutionId,
                            @Schema(format = "date", description = "Today for every business rule of the institution.")
                            String businessDate,
                            @Schema(description = "The run closing dates now, if any.") @Nullable UUID runningRunId,
                            @Schema(description = "When the schedule closes the dates before the calendar date "
                                    + "(cron, seconds first, region's zone); null when it is off.", example = "0 5 0 * * *")
                            @Nullable String schedule) {
    }

    @Operation(operationId = "getBusinessDate", summary = "The caller's institution's business date")
    @GetMapping("/business-date")
    @PreAuthorize("hasAuthority('eod:view')")
    BusinessDateView businessDate() {
        CurrentUser caller = CurrentUsers.require();
        LocalDate date = runner.businessDate(caller.organisationId());
        UUID running = runner.recent(caller.organisationId(), 1).stream().filter(EodRun::running).map(EodRun::id)
                .findFirst().orElse(null);
        return new BusinessDateView(caller.organisationId(), date.toString(), running,
                properties.scheduled() ? properties.schedule() : null);
    }

    @Schema(name = "EodCloseRequest", description = "Which dates to close.")
    record CloseRequest(@Schema(format = "date", example = "2026-12-31", description = "The last date to close; "
            + "without it only the current business date. A date before the business date closes nothing.")
                        @Nullable String through) {
    }

    @Operation(operationId = "closeBusinessDate", summary = "Close the business date (and each following one through `through`)",
            description = "Runs every end-of-day step for the caller's institution's current business date, moves the "
                    + "date to the next day and publishes `DayClosed`, then the same for each following date through "
                    + "`through`. Waits for the run up to a configured time (20 s unless configured): 200 with the "
                    + "finished run, or 202 with the run still running — follow it under `/api/v1/eod/runs/{id}`. "
                    + "Closing a date that is already closed changes nothing.")
    @ApiResponse(responseCode = "200", description = "The run finished (completed or failed).",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EodRunView.class)))
    @ApiResponse(responseCode = "202", description = "The run is still running.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EodRunView.class)))
    @ProblemResponse(status = 409, description = "`eod-running`: a run of the institution is running; its id is in the detail.")
    @PostMapping("/close")
    @PreAuthorize("hasAuthority('eod:run')")
    ResponseEntity<EodRunView> close(@RequestBody(required = false) @Nullable CloseRequest body) {
        CurrentUser caller = CurrentUsers.require();
        LocalDate through = null;
        if (body != null && body.through() != null) {
            try {
                through = LocalDate.parse(body.through().strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("through", "date");
            }
        }
        EodRun run = work.start(caller.organisationId(), through, caller);
        EodRun after = runner.await(run, properties.closeWait());
        return ResponseEntity.status(after.running() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(EodRunView.of(after, runner.progress(after)));
    }

    @Operation(operationId = "getEodRun", summary = "An end-of-day run and its progress",
            description = "Progress counts partitions (every step's share of every date): processed of total, items "
                    + "(loans, vouchers…) per second and the estimated time left.")
    @GetMapping("/runs/{id}")
    @PreAuthorize("hasAuthority('eod:view')")
    EodRunView run(@PathVariable UUID id) {
        EodRun run = runner.find(id).orElseThrow(() -> ProblemException.notFound("eod-run"));
        return EodRunView.of(run, runner.progress(run));
    }
}
