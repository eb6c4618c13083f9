package org.xiaodai.iam.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.iam.internal.Roles;
import org.xiaodai.iam.internal.Users;

/** Users of the caller's institution (all for the platform admin). */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Users of the caller's institution (every user for the platform operator), their roles and state.")
class UserApiController {

    private final Users users;
    private final Roles roles;

    UserApiController(Users users, Roles roles) {
        this.users = users;
        this.roles = roles;
    }

    @Schema(description = "A new user; the initial password must be changed at first sign-in.")
    record CreateUserRequest(@Schema(description = "Defaults to the caller's organisation.") UUID institutionId,
                             @Schema(description = "Required for `BRANCH` and `OWN` data scope.") UUID branchId,
                             @Schema(example = "a-officer2") @NotBlank @Size(max = 40) String username,
                             @Schema(example = "王小明") @NotBlank @Size(max = 60) String displayName,
                             @Schema(description = "How far the user's reads reach; never beyond the caller's own.")
                             @NotNull ScopeLevel dataScope,
                             @Schema(format = "password", description = "Must meet the password policy.")
                             @NotBlank @Size(max = 128) String initialPassword) {
    }

    @Schema(description = "The role to grant.")
    record RoleGrantRequest(@NotNull UUID roleId) {
    }

    @Schema(description = "Whether the user may sign in.")
    record EnabledRequest(@NotNull Boolean enabled) {
    }

    @Schema(description = "A role grant filed for a second user's approval.")
    record RoleGrantRequested(@Schema(description = "Approve or reject it under `/api/v1/change-requests/{id}`.")
                              UUID changeRequestId) {
    }

    @Schema(description = "A temporary password, shown only in this answer.")
    record TemporaryPassword(@Schema(format = "password", description = "Must be changed at the next sign-in.")
                             String temporaryPassword) {
    }

    @Operation(operationId = "listUsers", summary = "Users in the caller's data scope")
    @GetMapping
    @PreAuthorize("hasAuthority('iam:user:view')")
    List<Users.UserView> list() {
        return users.visibleTo(CurrentUsers.require());
    }

    @Operation(operationId = "getUser", summary = "One user; every caller may read itself")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('iam:user:view') or #id == principal.userId()")
    Users.UserView get(@PathVariable UUID id) {
        return users.get(CurrentUsers.require(), id);
    }

    @Operation(operationId = "createUser", summary = "Create a user in the caller's institution (or any, for the platform)",
            description = "A duplicate username, a scope wider than the caller's own or a branch outside it is invalid input.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('iam:user:manage')")
    Users.UserView create(@Valid @RequestBody CreateUserRequest request) {
        return users.create(CurrentUsers.require(), new Users.CreateUser(request.institutionId(), request.branchId(),
                request.username(), request.displayName(), request.dataScope(), request.initialPassword()));
    }

    /** Files a role grant for a second user's approval (maker-checker); 202 with the change request id. */
    @Operation(operationId = "requestRoleGrant", summary = "File a role grant for a second user's approval (maker-checker)")
    @PostMapping("/{id}/role-grants")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('iam:role:grant')")
    RoleGrantRequested requestGrant(@PathVariable UUID id, @Valid @RequestBody RoleGrantRequest request) {
        return new RoleGrantRequested(roles.requestGrant(CurrentUsers.require(), id, request.roleId()));
    }

    /** Takes a role away at once; the user's sessions and tokens end. */
    @Operation(operationId = "revokeRole", summary = "Take a role away at once; the user's sessions and tokens end")
    @DeleteMapping("/{id}/roles/{roleId}")
    @PreAuthorize("hasAuthority('iam:role:grant')")
    Roles.UserViewAfterRevoke revokeRole(@PathVariable UUID id, @PathVariable UUID roleId) {
        return roles.revoke(CurrentUsers.require(), id, roleId);
    }

    @Operation(operationId = "setUserEnabled", summary = "Enable or disable a user; disabling ends its sessions and tokens")
    @PutMapping("/{id}/enabled")
    @PreAuthorize("hasAuthority('iam:user:manage')")
    Users.UserView setEnabled(@PathVariable UUID id, @Valid @RequestBody EnabledRequest request) {
        return users.setEnabled(CurrentUsers.require(), id, request.enabled());
    }

    /** Sets a temporary password (shown once in the response) and clears any lock. */
    @Operation(operationId = "resetPassword", summary = "Set a temporary password and clear any lock")
    @PostMapping("/{id}/password-reset")
    @PreAuthorize("hasAuthority('iam:user:manage')")
    TemporaryPassword resetPassword(@PathVariable UUID id) {
        return new TemporaryPassword(users.resetPassword(CurrentUsers.require(), id));
    }
}
