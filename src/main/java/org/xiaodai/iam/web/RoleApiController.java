package org.xiaodai.iam.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
import org.xiaodai.iam.internal.Roles;

/** Built-in and custom roles, and the permission catalogue. */
@RestController
@RequestMapping("/api/v1/roles")
@Tag(name = "Roles", description = "Built-in and custom roles, and the permissions a custom role may contain.")
class RoleApiController {

    private final Roles roles;

    RoleApiController(Roles roles) {
        this.roles = roles;
    }

    @Schema(description = "A custom role of the caller's organisation.")
    record CreateRoleRequest(@Schema(description = "Upper case, unique in the organisation.", example = "SENIOR_OFFICER")
                             @NotBlank @Size(max = 40) String code,
                             @Schema(example = "高级客户经理") @NotBlank @Size(max = 60) String name,
                             @ArraySchema(schema = @Schema(example = "loan:view"),
                                     arraySchema = @Schema(description = "Permission codes, each one the caller holds itself."))
                             @NotEmpty @Size(max = 100) List<@NotBlank String> permissions) {
    }

    @Operation(operationId = "listRoles", summary = "Roles the caller can see: the built-in ones and its organisation's own")
    @GetMapping
    @PreAuthorize("hasAnyAuthority('iam:role:manage', 'iam:role:grant', 'iam:user:view')")
    List<Roles.RoleView> list() {
        return roles.visibleTo(CurrentUsers.require());
    }

    /** The permissions a role of the caller's organisation may contain. */
    @Operation(operationId = "listAssignablePermissions",
            summary = "Permission codes a custom role of the caller's organisation may contain")
    @GetMapping("/permissions")
    @PreAuthorize("hasAnyAuthority('iam:role:manage', 'iam:role:grant', 'iam:user:view')")
    List<String> permissions() {
        return roles.assignablePermissions(CurrentUsers.require());
    }

    @Operation(operationId = "getRole", summary = "One role with its permissions")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('iam:role:manage', 'iam:role:grant', 'iam:user:view')")
    Roles.RoleView get(@PathVariable UUID id) {
        return roles.get(CurrentUsers.require(), id);
    }

    @Operation(operationId = "createRole", summary = "Create a custom role",
            description = "A duplicate code, an unknown permission or one the caller does not hold itself is invalid input.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('iam:role:manage')")
    Roles.RoleView create(@Valid @RequestBody CreateRoleRequest request) {
        return roles.create(CurrentUsers.require(), new Roles.NewRole(request.code(), request.name(), request.permissions()));
    }
}
