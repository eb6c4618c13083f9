package org.xiaodai.customer.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

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
import org.xiaodai.customer.internal.ConsentService;
import org.xiaodai.customer.internal.DocumentService;
import org.xiaodai.customer.internal.RelatedPartyService;
import org.xiaodai.iam.CurrentUsers;

/** A customer's related parties, consents and documents. */
@RestController
@RequestMapping("/api/v1/customers/{id}")
@Tag(name = "Customers", description = "Borrowers (individuals and enterprises) with encrypted, masked identifiers.")
class CustomerRecordsApiController {

    private final RelatedPartyService parties;
    private final ConsentService consents;
    private final DocumentService documents;

    CustomerRecordsApiController(RelatedPartyService parties, ConsentService consents, DocumentService documents) {
        this.parties = parties;
        this.consents = consents;
        this.documents = documents;
    }

    @Schema(description = "A related party; ID number (resident ID or USCC) and mobile are optional.")
    record RelatedPartyRequest(@NotBlank @Schema(example = "SPOUSE") String relation, @NotBlank String name,
                               String idNumber, String mobile, UUID relatedCustomerId) {
    }

    @Schema(description = "A separate consent as the customer gave it.")
    record ConsentRequest(@NotBlank @Schema(example = "CREDIT_BUREAU_QUERY") String purpose,
                          @NotBlank @Schema(example = "BRANCH") String channel,
                          @NotBlank @Schema(example = "CB-2026.1") String textVersion,
                          @Schema(description = "Defaults to now.") OffsetDateTime grantedAt,
                          @Schema(description = "Defaults to never.") OffsetDateTime expiresAt) {
    }

    @Operation(operationId = "listRelatedParties", summary = "A customer's related parties")
    @GetMapping("/related-parties")
    @PreAuthorize("hasAuthority('customer:view')")
    List<RelatedPartyService.RelatedParty> relatedParties(@PathVariable UUID id) {
        return parties.of(CurrentUsers.require(), id);
    }

    @Operation(operationId = "addRelatedParty", summary = "Add a related party")
    @PostMapping("/related-parties")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('customer:manage')")
    RelatedPartyService.RelatedParty addRelatedParty(@PathVariable UUID id, @Valid @RequestBody RelatedPartyRequest r) {
        return parties.add(CurrentUsers.require(), id, new RelatedPartyService.NewRelatedParty(r.relation(), r.name(),
                r.idNumber(), r.mobile(), r.relatedCustomerId()));
    }

    @Operation(operationId = "listConsents", summary = "A customer's consents, live or not")
    @GetMapping("/consents")
    @PreAuthorize("hasAuthority('customer:view')")
    List<ConsentService.Consent> consents(@PathVariable UUID id) {
        return consents.of(CurrentUsers.require(), id);
    }

    @Operation(operationId = "grantConsent", summary = "Record a separate consent (credit-bureau query or data sharing)")
    @PostMapping("/consents")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('customer:manage')")
    ConsentService.Consent grant(@PathVariable UUID id, @Valid @RequestBody ConsentRequest r) {
        return consents.grant(CurrentUsers.require(), id, new ConsentService.NewConsent(r.purpose(), r.channel(),
                r.textVersion(), r.grantedAt(), r.expiresAt()));
    }

    @Operation(operationId = "revokeConsent", summary = "Revoke a consent from now on")
    @PostMapping("/consents/{consentId}/revoke")
    @PreAuthorize("hasAuthority('customer:manage')")
    ConsentService.Consent revoke(@PathVariable UUID id, @PathVariable UUID consentId) {
        return consents.revoke(CurrentUsers.require(), id, consentId);
    }

    @Operation(operationId = "listCustomerDocuments", summary = "A customer's documents (type as sniffed from the bytes)")
    @GetMapping("/documents")
    @PreAuthorize("hasAuthority('customer:view')")
    List<DocumentService.Document> documents(@PathVariable UUID id) {
        return documents.of(CurrentUsers.require(), id);
    }
}
