package org.xiaodai.audit.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.audit.AuditEntryView;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.audit.AuditVerification;
import org.xiaodai.shared.Actor;

/** Reading and verifying the audit trail. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
@PreAuthorize("hasAuthority('audit:view')")
class AuditApiController {

    private final AuditTrail audit;

    AuditApiController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the hash chain; OK or the first broken entry")
    AuditVerification verify() {
        return audit.verify();
    }

    @GetMapping("/entries")
    @Operation(summary = "Latest entries in the caller's scope, newest first")
    List<AuditEntryView> entries(@RequestParam(defaultValue = "100") int limit) {
        return audit.latest(limit);
    }
}
