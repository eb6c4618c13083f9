package org.xiaodai.iam.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.iam.internal.Users;

/** Who the caller is: what a client reads first after obtaining a token. */
@RestController
@Tag(name = "Users")
class CurrentUserApiController {

    private final Users users;

    CurrentUserApiController(Users users) {
        this.users = users;
    }

    /** The caller with its organisation, data scope, roles and effective permissions. */
    @Schema(description = "The calling user, with what it may do.")
    record CurrentUserResponse(UUID id, @Schema(example = "a-admin") String username,
                               @Schema(example = "杭州小贷管理员") String displayName,
                               UUID organisationId, OrganisationKind organisationKind,
                               @Schema(description = "Null for users above branch level.") @Nullable UUID branchId,
                               ScopeLevel dataScope,
                               @ArraySchema(schema = @Schema(example = "INSTITUTION_ADMIN")) List<String> roles,
                               @ArraySchema(schema = @Schema(example = "iam:user:view"),
                                       arraySchema = @Schema(description = "Effective permission codes, sorted."))
                               List<String> permissions) {
    }

    @Operation(operationId = "getCurrentUser", summary = "The calling user: organisation, data scope, roles and permissions")
    @GetMapping("/api/v1/users/me")
    @PreAuthorize("isAuthenticated()")
    CurrentUserResponse me() {
        CurrentUser caller = CurrentUsers.require();
        Users.UserView user = users.get(caller, caller.userId());
        return new CurrentUserResponse(user.id(), user.username(), user.displayName(), caller.organisationId(),
                caller.organisationKind(), user.branchId(), user.dataScope(), user.roles(),
                caller.permissions().stream().sorted().toList());
    }
}
