package org.xiaodai.iam.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.internal.Organisations;

/** The regulator and institutions (tenants) and their branch trees. */
@RestController
@RequestMapping("/api/v1/institutions")
@Tag(name = "Institutions")
class OrganisationApiController {

    private final Organisations organisations;

    OrganisationApiController(Organisations organisations) {
        this.organisations = organisations;
    }

    record RegisterOrganisation(@NotNull OrganisationKind kind, @NotBlank @Size(max = 32) String code,
                                @NotBlank @Size(max = 100) String name, @Size(max = 18) String uscc,
                                @NotBlank @Size(max = 12) String regionCode) {
    }

    record AddBranch(UUID parentId, @NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 100) String name) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<Organisations.OrganisationView> list() {
        return organisations.visibleTo(CurrentUsers.require());
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    Organisations.OrganisationView get(@PathVariable UUID id) {
        return organisations.get(CurrentUsers.require(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('iam:institution:manage')")
    Organisations.OrganisationView register(@Valid @RequestBody RegisterOrganisation request) {
        return organisations.register(CurrentUsers.require(), new Organisations.NewOrganisation(request.kind(),
                request.code(), request.name(), request.uscc(), request.regionCode()));
    }

    @GetMapping("/{id}/branches")
    @PreAuthorize("hasAnyAuthority('iam:branch:manage', 'iam:user:view')")
    List<Organisations.BranchView> branches(@PathVariable UUID id) {
        return organisations.branches(CurrentUsers.require(), id);
    }

    @PostMapping("/{id}/branches")
    @PreAuthorize("hasAuthority('iam:branch:manage')")
    @ResponseStatus(HttpStatus.CREATED)
    Organisations.BranchView addBranch(@PathVariable UUID id, @Valid @RequestBody AddBranch request) {
        return organisations.addBranch(CurrentUsers.require(), id,
                new Organisations.NewBranch(request.parentId(), request.code(), request.name()));
    }
}
