package org.xiaodai.contract.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.contract.internal.ContractService;
import org.xiaodai.contract.internal.ContractView;
import org.xiaodai.iam.CurrentUsers;

/** Contracts: read, the PDF, and the borrower's acceptance. */
@RestController
@RequestMapping("/api/v1/contracts")
@Tag(name = "Contracts", description = "Loan contracts with the annualised-rate disclosure and the e-signature hook.")
class ContractApiController {

    private final ContractService contracts;

    ContractApiController(ContractService contracts) {
        this.contracts = contracts;
    }

    @Operation(operationId = "getContract", summary = "A contract with its exact text")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('contract:view')")
    ContractView get(@PathVariable UUID id) {
        return contracts.view(CurrentUsers.require(), id);
    }

    @Operation(operationId = "getContractPdf", summary = "The contract as a PDF (Chinese)",
            description = "Drawn from the stored text; the annualised rate is printed larger than any other rate.",
            responses = @ApiResponse(responseCode = "200", description = "The PDF.",
                    content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))))
    @GetMapping(value = "/{id}/pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize("hasAuthority('contract:view')")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        byte[] pdf = contracts.pdf(CurrentUsers.require(), id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("contract-" + id + ".pdf")
                        .build().toString())
                .body(pdf);
    }

    @Schema(description = "The borrower's acceptance (e-signature hook).")
    record AcceptRequest(@Schema(description = "The text version the borrower read; must be the contract's.",
                                 example = "XD-LOAN-2026.1") String textVersion,
                         @Schema(description = "The borrower gives an auto-debit (代扣) mandate.") Boolean autoDebit) {
    }

    @Schema(description = "The accepted contract and the loan opened for it (pending disbursement).")
    record Accepted(UUID loanId, UUID contractId, String contractNumber, String status, java.time.Instant acceptedAt,
                    String textVersion) {
    }

    @Operation(operationId = "acceptContract", summary = "Accept a contract",
            description = "Records time, client address and text version, and opens the loan (servicing), all in one "
                    + "transaction. Accepting again answers with the same loan.")
    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAuthority('contract:accept')")
    Accepted accept(@PathVariable UUID id, @RequestBody(required = false) AcceptRequest body, HttpServletRequest request) {
        ContractView c = contracts.accept(CurrentUsers.require(), id, body == null ? null : body.textVersion(),
                body != null && Boolean.TRUE.equals(body.autoDebit()), request.getRemoteAddr());
        return new Accepted(c.loanId(), c.id(), c.contractNumber(), c.status(), c.acceptedAt(), c.acceptedTextVersion());
    }
}
