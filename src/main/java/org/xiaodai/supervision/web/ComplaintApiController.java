package org.xiaodai.supervision.web;

import java.util.UUID;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.supervision.internal.ComplaintService;
import org.xiaodai.supervision.internal.ComplaintViews.ComplaintDetail;
import org.xiaodai.supervision.internal.ComplaintViews.ComplaintStatistics;
import org.xiaodai.supervision.internal.ComplaintViews.ComplaintView;

/** Complaints: filed by the regulator or a borrower, answered by the institution, resolved. */
@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "Complaints", description = "Complaints routed to institutions with a response deadline.")
class ComplaintApiController {

    private final ComplaintService complaints;

    ComplaintApiController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Schema(description = "A complaint. The regulator names the institution (and may set the deadline); a borrower "
            + "complains about its own institution and is named as the complainant.")
    record FileRequest(@Schema(description = "Regulator only.", format = "uuid") String institutionId,
                       @Schema(allowableValues = {"RATE_AND_FEES", "COLLECTION_CONDUCT", "PERSONAL_INFORMATION",
                               "CONTRACT_TERMS", "SERVICE", "OTHER"}) String category,
                       @Schema(example = "夜间催收电话") String subject, String description,
                       @Schema(description = "Regulator only: who complains.") String complainantName,
                       @Schema(description = "Regulator only; default 15 days after filing.", example = "2026-12-20")
                       String responseDue) {
    }

    @Schema(description = "One page of complaints: the rows, how many match in all, the page number (from 1) and size.")
    record ComplaintPage(java.util.List<ComplaintView> items, long total, int page, int size) {
    }

    @Schema(description = "The institution's response.")
    record RespondRequest(String response) {
    }

    @Schema(description = "How the complaint ends.")
    record ResolveRequest(@Schema(allowableValues = {"UPHELD", "PARTLY_UPHELD", "NOT_UPHELD", "WITHDRAWN"}) String outcome,
                          String resolution) {
    }

    @Operation(operationId = "fileComplaint", summary = "Register a complaint and route it to the institution")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('supervision:complaint:file')")
    ComplaintView file(@RequestBody FileRequest r) {
        return complaints.file(CurrentUsers.require(), new ComplaintService.ComplaintInput(r.institutionId(), r.category(),
                r.subject(), r.description(), r.complainantName(), r.responseDue()));
    }

    @Operation(operationId = "listComplaints", summary = "Complaints the caller may see, newest first",
            description = "Paged (`page`, `size`), searchable (`q`: reference, subject, complainant), sortable "
                    + "(`sort` = filed, due, status, reference; `dir`), and filtered by `status`.")
    @GetMapping
    @PreAuthorize("hasAuthority('supervision:complaint:view')")
    ComplaintPage list(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                                   @RequestParam(required = false) String dir, @RequestParam(required = false) String page,
                                   @RequestParam(required = false) String size, @RequestParam(required = false) String status) {
        PageResult<ComplaintView> result = complaints.page(CurrentUsers.require(), org.xiaodai.shared.query.ListQuery.of(q,
                sort, dir, page, size, ComplaintService.SORTING), status);
        return new ComplaintPage(result.items(), result.total(), result.query().page(), result.query().size());
    }

    @Operation(operationId = "getComplaintStatistics", summary = "Complaint statistics over what the caller may see")
    @GetMapping("/statistics")
    @PreAuthorize("hasAuthority('supervision:complaint:view')")
    ComplaintStatistics statistics() {
        return complaints.statistics(CurrentUsers.require());
    }

    @Operation(operationId = "getComplaint", summary = "One complaint with its history")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('supervision:complaint:view')")
    ComplaintDetail get(@PathVariable UUID id) {
        return complaints.detail(CurrentUsers.require(), id);
    }

    @Operation(operationId = "respondToComplaint", summary = "The institution's response (while the complaint awaits it)")
    @PostMapping("/{id}/respond")
    @PreAuthorize("hasAuthority('supervision:complaint:respond')")
    ComplaintView respond(@PathVariable UUID id, @RequestBody RespondRequest r) {
        return complaints.respond(CurrentUsers.require(), id, r.response());
    }

    @Operation(operationId = "resolveComplaint", summary = "Resolve a complaint with an outcome",
            description = "The regulator resolves any open complaint; an institution only a borrower's complaint it has "
                    + "responded to.")
    @PostMapping("/{id}/resolve")
    @PreAuthorize("hasAuthority('supervision:complaint:resolve')")
    ComplaintView resolve(@PathVariable UUID id, @RequestBody ResolveRequest r) {
        return complaints.resolve(CurrentUsers.require(), id, r.outcome(), r.resolution());
    }
}
