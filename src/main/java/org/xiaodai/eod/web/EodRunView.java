package org.xiaodai.eod.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.xiaodai.eod.internal.EodProgress;
import org.xiaodai.eod.internal.EodRun;

/** An end-of-day run as the API shows it. */
@Schema(name = "EodRun", description = "An end-of-day run: which dates it closes, how far it is, and how it ended.")
record EodRunView(UUID runId, UUID institutionId,
                  @Schema(allowableValues = {"RUNNING", "COMPLETED", "FAILED"}) String status,
                  @Schema(allowableValues = {"ADMIN", "SCHEDULE"}) String trigger,
                  @Schema(description = "Who asked (`system` for the schedule).") String requestedBy,
                  @Schema(format = "date", description = "The business date when the run was asked for.") String firstDate,
                  @Schema(format = "date", description = "The last date it closes.") String throughDate,
                  @Schema(format = "date", description = "The institution's business date now.") String businessDate,
                  @Schema(format = "date", description = "The date being closed now.") @Nullable String closing,
                  @Schema(description = "Dates to close in all.") long daysTotal,
                  long daysClosed,
                  @Schema(description = "Partitions done.") long processed,
                  @Schema(description = "Partitions in all (dates not started yet estimated).") long total,
                  int percent,
                  @Schema(description = "Items (loans, vouchers…) the steps handled.") long items,
                  double itemsPerSecond,
                  @Schema(description = "Estimated seconds left while running.") @Nullable Long etaSeconds,
                  @Schema(format = "date-time") String startedAt,
                  @Schema(format = "date-time") @Nullable String finishedAt,
                  @Schema(description = "Why it failed.") @Nullable String error) {

    static EodRunView of(EodRun run, EodProgress progress) {
        return new EodRunView(run.id(), run.institutionId(), run.status(), run.trigger(),
                run.requestedByName() == null ? "system" : run.requestedByName(), run.firstDate().toString(),
                run.throughDate().toString(), progress.businessDate().toString(),
                progress.closing() == null ? null : progress.closing().toString(), run.days(), progress.daysClosed(),
                progress.processed(), progress.total(), progress.percent(), progress.items(),
                Math.round(progress.itemsPerSecond() * 10) / 10.0, progress.etaSeconds(), run.startedAt().toString(),
                run.finishedAt() == null ? null : run.finishedAt().toString(), run.error());
    }
}
