package org.xiaodai.supervision.web;

import java.util.List;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.supervision.internal.InspectionService;
import org.xiaodai.supervision.internal.InspectionService.FindingView;
import org.xiaodai.supervision.internal.InspectionService.InspectionDetail;
import org.xiaodai.supervision.internal.InspectionService.InspectionView;

/** Inspections: the regulator records them and follows up; the institution reports rectifications. */
@RestController
@RequestMapping("/api/v1/supervision/inspections")
@Tag(name = "Inspections", description = "On-site and off-site inspections, findings, rectification and follow-up.")
class InspectionApiController {

    private final InspectionService inspections;

    InspectionApiController(InspectionService inspections) {
        this.inspections = inspections;
    }

    @Schema(description = "A new inspection of an institution.")
    record OpenRequest(@Schema(format = "uuid") String institutionId, @Schema(allowableValues = {"ON_SITE", "OFF_SITE"}) String kind, String title,
                       String scopeNote, @Schema(example = "2026-12-01") String startedOn) {
    }

    @Schema(description = "A finding with its rectification deadline.")
    record FindingRequest(@Schema(allowableValues = {"LOW", "MEDIUM", "HIGH"}) String severity, String description,
                          @Schema(example = "2027-01-31") String rectificationDue) {
    }

    @Schema(description = "A rectification report or a follow-up note.")
    record NoteRequest(String note) {
    }

    @Schema(description = "The regulator's follow-up of a reported rectification.")
    record VerifyRequest(Boolean accepted, String note) {
    }

    @Schema(description = "Closing an inspection.")
    record CloseRequest(@Schema(example = "2026-12-31") String endedOn) {
    }

    @Operation(operationId = "listInspections", summary = "Inspections the caller may see, newest first")
    @GetMapping
    @PreAuthorize("hasAnyAuthority('supervision:view', 'supervision:own:view')")
    List<InspectionView> list() {
        return inspections.list(CurrentUsers.require(), null);
    }

    @Operation(operationId = "openInspection", summary = "Record an inspection")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('supervision:manage')")
    InspectionView open(@RequestBody OpenRequest r) {
        return inspections.open(CurrentUsers.require(), new InspectionService.InspectionInput(r.institutionId(), r.kind(),
                r.title(), r.scopeNote(), r.startedOn()));
    }

    @Operation(operationId = "getInspection", summary = "One inspection with its findings and follow-up log")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('supervision:view', 'supervision:own:view')")
    InspectionDetail get(@PathVariable UUID id) {
        return inspections.detail(CurrentUsers.require(), id);
    }

    @Operation(operationId = "addInspectionFinding", summary = "Add a finding with a rectification deadline")
    @PostMapping("/{id}/findings")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('supervision:manage')")
    FindingView finding(@PathVariable UUID id, @RequestBody FindingRequest r) {
        return inspections.addFinding(CurrentUsers.require(), id, new InspectionService.FindingInput(r.severity(),
                r.description(), r.rectificationDue()));
    }

    @Operation(operationId = "reportRectification", summary = "The institution reports a finding rectified")
    @PostMapping("/{id}/findings/{findingId}/rectification")
    @PreAuthorize("hasAuthority('supervision:inspection:rectify')")
    FindingView rectify(@PathVariable UUID id, @PathVariable UUID findingId, @RequestBody NoteRequest r) {
        return inspections.reportRectification(CurrentUsers.require(), id, findingId, r.note());
    }

    @Operation(operationId = "verifyRectification", summary = "Accept a reported rectification or send it back (with a note)")
    @PostMapping("/{id}/findings/{findingId}/verification")
    @PreAuthorize("hasAuthority('supervision:manage')")
    FindingView verify(@PathVariable UUID id, @PathVariable UUID findingId, @RequestBody VerifyRequest r) {
        return inspections.verify(CurrentUsers.require(), id, findingId, !Boolean.FALSE.equals(r.accepted()), r.note());
    }

    @Operation(operationId = "closeInspection", summary = "Close an inspection whose findings are all verified")
    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('supervision:manage')")
    InspectionView close(@PathVariable UUID id, @RequestBody CloseRequest r) {
        return inspections.close(CurrentUsers.require(), id, r.endedOn());
    }
}
