package org.xiaodai.iam.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

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
import org.xiaodai.iam.internal.Roles;

/** Built-in and custom roles, and the permission catalogue. */
@RestController
@RequestMapping("/api/v1/roles")
@Tag(name = "Roles")
class RoleApiController {

    private final Roles roles;

    RoleApiController(Roles roles) {
        this.roles = roles;
    }

    record CreateRoleRequest(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 60) String name,
                             @NotEmpty @Size(max = 100) List<@NotBlank String> permissions) {
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('iam:role:manage', 'iam:role:grant', 'iam:user:view')")
    List<Roles.RoleView> list() {
        return roles.visibleTo(CurrentUsers.require());
    }

    /** The permissions a role of the caller's organisation may contain. */
    @GetMapping("/permissions")
    @PreAuthorize("hasAnyAuthority('iam:role:manage', 'iam:role:grant', 'iam:user:view')")
    List<String> permissions() {
        return roles.assignablePermissions(CurrentUsers.require());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('iam:role:manage', 'iam:role:grant', 'iam:user:view')")
    Roles.RoleView get(@PathVariable UUID id) {
        return roles.get(CurrentUsers.require(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('iam:role:manage')")
    Roles.RoleView create(@Valid @RequestBody CreateRoleRequest request) {
        return roles.create(CurrentUsers.require(), new Roles.NewRole(request.code(), request.name(), request.permissions()));
    }
}
