package org.xiaodai.supervision.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Complaints as the API and the pages show them. */
public final class ComplaintViews {

    private ComplaintViews() {
    }

    @Schema(description = "A complaint (投诉), routed to an institution with a response deadline.")
    public record ComplaintView(UUID id, UUID institutionId, @Schema(example = "TS20261202-3F9A1C") String reference,
                                @Schema(allowableValues = {"REGULATOR", "BORROWER"}) String channel,
                                @Schema(allowableValues = {"RATE_AND_FEES", "COLLECTION_CONDUCT", "PERSONAL_INFORMATION",
                                        "CONTRACT_TERMS", "SERVICE", "OTHER"}) String category,
                                String subject, String description, String complainantName, String filedBy,
                                Instant filedAt, LocalDate filedOn, LocalDate responseDue,
                                @Schema(description = "True while the response is past its deadline.") boolean overdue,
                                @Schema(allowableValues = {"ROUTED", "RESPONDED", "RESOLVED"}) String status,
                                @Nullable String response, @Nullable String respondedBy, @Nullable Instant respondedAt,
                                @Schema(allowableValues = {"UPHELD", "PARTLY_UPHELD", "NOT_UPHELD", "WITHDRAWN"})
                                @Nullable String outcome, @Nullable String resolution, @Nullable String resolvedBy,
                                @Nullable Instant resolvedAt) {
    }

    @Schema(description = "One step of a complaint's history.")
    public record ComplaintEvent(String action, @Nullable String note, String actor, Instant at) {
    }

    @Schema(description = "A complaint with its history.")
    public record ComplaintDetail(ComplaintView complaint, List<ComplaintEvent> history) {
    }

    @Schema(description = "Complaint statistics over what the caller may see.")
    public record ComplaintStatistics(long total, long routed, long responded, long resolved, long overdue,
                                      @Schema(description = "Average days from filing to response, null when none responded.")
                                      @Nullable String averageDaysToRespond,
                                      Map<String, Long> byCategory, List<InstitutionCount> byInstitution) {
    }

    @Schema(description = "Complaints of one institution.")
    public record InstitutionCount(UUID institutionId, long total, long open, long overdue) {
    }
}
