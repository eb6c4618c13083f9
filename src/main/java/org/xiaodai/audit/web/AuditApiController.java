package org.xiaodai.audit.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Tag(name = "Audit", description = "The append-only, hash-chained audit trail: reading entries and verifying the chain.")
@PreAuthorize("hasAuthority('audit:view')")
class AuditApiController {

    private final AuditTrail audit;

    AuditApiController(AuditTrail audit) {
        this.audit = audit;
    }

    @Operation(operationId = "verifyAuditChain", summary = "Recompute the hash chain; OK or the first broken entry",
            description = "Walks every entry the caller may read and recomputes its hashes.")
    @GetMapping("/verify")
    AuditVerification verify() {
        return audit.verify();
    }

    @Operation(operationId = "listAuditEntries", summary = "Latest entries in the caller's scope, newest first",
            parameters = @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many entries; values outside 1 to 500 are brought into that range.",
                    schema = @Schema(type = "integer", format = "int32", defaultValue = "100", example = "100")))
    @GetMapping("/entries")
    List<AuditEntryView> entries(@RequestParam(defaultValue = "100") int limit) {
        return audit.latest(limit);
    }
}
