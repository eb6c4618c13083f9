package org.xiaodai.customer.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.customer.BlacklistHit;
import org.xiaodai.customer.internal.BlacklistService;
import org.xiaodai.iam.CurrentUsers;

/** The regional blacklist: add your institution's entries, check any ID number (hit/miss only). */
@RestController
@RequestMapping("/api/v1/blacklist")
@Tag(name = "Blacklist", description = "The region's shared blacklist: every institution sees only hit/miss and the reason.")
class BlacklistApiController {

    private final BlacklistService blacklist;

    BlacklistApiController(BlacklistService blacklist) {
        this.blacklist = blacklist;
    }

    @Schema(description = "An ID number (resident ID or USCC) to put on the regional blacklist.")
    record BlacklistRequest(@NotBlank @Schema(example = "360426199101010071") String idNumber,
                            @NotBlank @Schema(example = "FRAUD") String reason,
                            @NotBlank @Schema(example = "伪造收入证明，案卷号 2026-017") String evidence) {
    }

    @Operation(operationId = "addBlacklistEntry", summary = "Put an ID number on the regional blacklist")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('customer:blacklist:manage')")
    BlacklistService.BlacklistEntry add(@Valid @RequestBody BlacklistRequest r) {
        return blacklist.add(CurrentUsers.require(), r.idNumber(), r.reason(), r.evidence());
    }

    @Operation(operationId = "listBlacklistEntries", summary = "Your institution's own blacklist entries")
    @GetMapping
    @PreAuthorize("hasAuthority('customer:blacklist:manage')")
    List<BlacklistService.BlacklistEntry> own() {
        return blacklist.own(CurrentUsers.require());
    }

    @Operation(operationId = "checkBlacklist", summary = "Is this ID number on the regional blacklist?",
            description = "Answers hit or miss and the reason categories, whichever institution reported it; never who.")
    @GetMapping("/check")
    @PreAuthorize("hasAuthority('customer:blacklist:check')")
    BlacklistHit check(@RequestParam String idNumber) {
        return blacklist.check(CurrentUsers.require(), idNumber);
    }
}
