package org.xiaodai.iam.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.iam.ChangeRequests;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.shared.problem.ProblemResponse;

/** Maker-checker: changes waiting for a second user's decision. */
@RestController
@RequestMapping("/api/v1/change-requests")
@Tag(name = "Maker-checker", description = "Changes (双人复核) that wait for a second user's approval, such as role grants.")
@PreAuthorize("hasAnyAuthority('iam:change:approve', 'iam:role:grant')")
class ChangeRequestApiController {

    private final ChangeRequests changes;

    ChangeRequestApiController(ChangeRequests changes) {
        this.changes = changes;
    }

    @Schema(name = "ChangeDecision", description = "The checker's decision on a change request.")
    record Decision(@Schema(description = "Why, for the record.", example = "Checked against the signed form.")
                    @Size(max = 500) String note) {
    }

    @Operation(operationId = "listChangeRequests", summary = "Change requests the caller can see, newest first",
            parameters = @Parameter(name = "pendingOnly", in = ParameterIn.QUERY,
                    description = "Only those still waiting for a decision."))
    @GetMapping
    List<ChangeRequests.ChangeRequestView> list(@RequestParam(defaultValue = "true") boolean pendingOnly) {
        return changes.visibleTo(CurrentUsers.require(), pendingOnly);
    }

    @Operation(operationId = "getChangeRequest", summary = "One change request")
    @GetMapping("/{id}")
    ChangeRequests.ChangeRequestView get(@PathVariable UUID id) {
        return changes.get(CurrentUsers.require(), id);
    }

    @Operation(operationId = "approveChangeRequest", summary = "Approve a pending change, which applies it at once",
            description = "The checker must be another user than the maker (403 `maker-cannot-check`).")
    @ProblemResponse(status = 409, description = "Already approved or rejected (`change-already-decided`), or changed meanwhile.")
    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('iam:change:approve')")
    ChangeRequests.ChangeRequestView approve(@PathVariable UUID id, @Valid @RequestBody Decision decision) {
        return changes.approve(CurrentUsers.require(), id, decision.note());
    }

    @Operation(operationId = "rejectChangeRequest", summary = "Reject a pending change",
            description = "The checker must be another user than the maker (403 `maker-cannot-check`).")
    @ProblemResponse(status = 409, description = "Already approved or rejected (`change-already-decided`), or changed meanwhile.")
    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('iam:change:approve')")
    ChangeRequests.ChangeRequestView reject(@PathVariable UUID id, @Valid @RequestBody Decision decision) {
        return changes.reject(CurrentUsers.require(), id, decision.note());
    }
}
