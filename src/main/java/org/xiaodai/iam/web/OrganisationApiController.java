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
@Tag(name = "Institutions", description = "The platform operator, the regulator and the lending institutions (tenants), with their branch trees.")
class OrganisationApiController {

    private final Organisations organisations;

    OrganisationApiController(Organisations organisations) {
        this.organisations = organisations;
    }

    @Schema(description = "A new organisation: a lender (tenant) or a regulator.")
    record RegisterOrganisation(@NotNull OrganisationKind kind,
                                @Schema(description = "Short code, unique on the platform.", example = "WZXD")
                                @NotBlank @Size(max = 32) String code,
                                @Schema(example = "温州小额贷款股份有限公司") @NotBlank @Size(max = 100) String name,
                                @Schema(description = "Unified social credit code (统一社会信用代码) with a valid check character.",
                                        example = "91330300MA2AXXXX0X") @Size(max = 18) String uscc,
                                @Schema(description = "Administrative division code of its region.", example = "330300")
                                @NotBlank @Size(max = 12) String regionCode) {
    }

    @Schema(description = "A new branch; without `parentId` it is a root branch.")
    record AddBranch(UUID parentId, @Schema(example = "XQ") @NotBlank @Size(max = 32) String code,
                     @Schema(example = "西区支行") @NotBlank @Size(max = 100) String name) {
    }

    @Operation(operationId = "listInstitutions",
            summary = "Organisations the caller can see: all for the platform and the regulator, its own for an institution")
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<Organisations.OrganisationView> list() {
        return organisations.visibleTo(CurrentUsers.require());
    }

    @Operation(operationId = "getInstitution", summary = "One organisation")
    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    Organisations.OrganisationView get(@PathVariable UUID id) {
        return organisations.get(CurrentUsers.require(), id);
    }

    @Operation(operationId = "registerInstitution", summary = "Register a lending institution or a regulator",
            description = "Its business date opens at once. A duplicate code is invalid input on `code`.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('iam:institution:manage')")
    Organisations.OrganisationView register(@Valid @RequestBody RegisterOrganisation request) {
        return organisations.register(CurrentUsers.require(), new Organisations.NewOrganisation(request.kind(),
                request.code(), request.name(), request.uscc(), request.regionCode()));
    }

    @Operation(operationId = "listBranches", summary = "The branch tree of an institution, parents before children")
    @GetMapping("/{id}/branches")
    @PreAuthorize("hasAnyAuthority('iam:branch:manage', 'iam:user:view')")
    List<Organisations.BranchView> branches(@PathVariable UUID id) {
        return organisations.branches(CurrentUsers.require(), id);
    }

    @Operation(operationId = "addBranch", summary = "Add a branch to an institution's tree")
    @PostMapping("/{id}/branches")
    @PreAuthorize("hasAuthority('iam:branch:manage')")
    @ResponseStatus(HttpStatus.CREATED)
    Organisations.BranchView addBranch(@PathVariable UUID id, @Valid @RequestBody AddBranch request) {
        return organisations.addBranch(CurrentUsers.require(), id,
                new Organisations.NewBranch(request.parentId(), request.code(), request.name()));
    }
}
