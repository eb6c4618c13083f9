package org.xiaodai.iam.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
@Tag(name = "Users")
class UserApiController {

    private final Users users;
    private final Roles roles;

    UserApiController(Users users, Roles roles) {
        this.users = users;
        this.roles = roles;
    }

    record CreateUserRequest(UUID institutionId, UUID branchId, @NotBlank @Size(max = 40) String username,
                             @NotBlank @Size(max = 60) String displayName, @NotNull ScopeLevel dataScope,
                             @NotBlank @Size(max = 128) String initialPassword) {
    }

    record RoleGrantRequest(@NotNull UUID roleId) {
    }

    record EnabledRequest(@NotNull Boolean enabled) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('iam:user:view')")
    List<Users.UserView> list() {
        return users.visibleTo(CurrentUsers.require());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('iam:user:view') or #id == principal.userId()")
    Users.UserView get(@PathVariable UUID id) {
        return users.get(CurrentUsers.require(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('iam:user:manage')")
    Users.UserView create(@Valid @RequestBody CreateUserRequest request) {
        return users.create(CurrentUsers.require(), new Users.CreateUser(request.institutionId(), request.branchId(),
                request.username(), request.displayName(), request.dataScope(), request.initialPassword()));
    }

    /** Files a role grant for a second user's approval (maker-checker); 202 with the change request id. */
    @PostMapping("/{id}/role-grants")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('iam:role:grant')")
    Map<String, UUID> requestGrant(@PathVariable UUID id, @Valid @RequestBody RoleGrantRequest request) {
        return Map.of("changeRequestId", roles.requestGrant(CurrentUsers.require(), id, request.roleId()));
    }

    /** Takes a role away at once; the user's sessions and tokens end. */
    @DeleteMapping("/{id}/roles/{roleId}")
    @PreAuthorize("hasAuthority('iam:role:grant')")
    Roles.UserViewAfterRevoke revokeRole(@PathVariable UUID id, @PathVariable UUID roleId) {
        return roles.revoke(CurrentUsers.require(), id, roleId);
    }

    @PutMapping("/{id}/enabled")
    @PreAuthorize("hasAuthority('iam:user:manage')")
    Users.UserView setEnabled(@PathVariable UUID id, @Valid @RequestBody EnabledRequest request) {
        return users.setEnabled(CurrentUsers.require(), id, request.enabled());
    }

    /** Sets a temporary password (shown once in the response) and clears any lock. */
    @PostMapping("/{id}/password-reset")
    @PreAuthorize("hasAuthority('iam:user:manage')")
    Map<String, String> resetPassword(@PathVariable UUID id) {
        return Map.of("temporaryPassword", users.resetPassword(CurrentUsers.require(), id));
    }
}
