package org.xiaodai.iam.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

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

/** Maker-checker: changes waiting for a second user's decision. */
@RestController
@RequestMapping("/api/v1/change-requests")
@Tag(name = "Maker-checker")
@PreAuthorize("hasAnyAuthority('iam:change:approve', 'iam:role:grant')")
class ChangeRequestApiController {

    private final ChangeRequests changes;

    ChangeRequestApiController(ChangeRequests changes) {
        this.changes = changes;
    }

    record Decision(@Size(max = 500) String note) {
    }

    @GetMapping
    List<ChangeRequests.ChangeRequestView> list(@RequestParam(defaultValue = "true") boolean pendingOnly) {
        return changes.visibleTo(CurrentUsers.require(), pendingOnly);
    }

    @GetMapping("/{id}")
    ChangeRequests.ChangeRequestView get(@PathVariable UUID id) {
        return changes.get(CurrentUsers.require(), id);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('iam:change:approve')")
    ChangeRequests.ChangeRequestView approve(@PathVariable UUID id, @Valid @RequestBody Decision decision) {
        return changes.approve(CurrentUsers.require(), id, decision.note());
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('iam:change:approve')")
    ChangeRequests.ChangeRequestView reject(@PathVariable UUID id, @Valid @RequestBody Decision decision) {
        return changes.reject(CurrentUsers.require(), id, decision.note());
    }
}
