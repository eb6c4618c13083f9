package org.xiaodai.portal.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.contract.BorrowerContracts;
import org.xiaodai.customer.ConsentPurpose;
import org.xiaodai.customer.Customers;
import org.xiaodai.origination.OnlineApplications;
import org.xiaodai.portal.internal.BorrowerPrincipal;
import org.xiaodai.portal.internal.Borrowers;
import org.xiaodai.portal.internal.Portal;
import org.xiaodai.servicing.BorrowerLoans;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.DecimalNumber;
import org.xiaodai.supervision.Complaints;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The borrower portal's API: registration and sign-in are public, everything else needs a portal
 * token ({@code Bearer xdp_…}) and only ever answers the signed-in borrower's own data (404 for any
 * other id).
 */
@RestController
@RequestMapping("/api/v1/portal")
@Tag(name = "Borrower portal", description = "The borrower's own side (借款人自助): registration by one-time code, "
        + "sign-in, consents, applying, contracts, loans, payments and complaints. Portal tokens (`xdp_…`) only; every "
        + "answer is the signed-in borrower's own data.")
class PortalApiController {

    private final Borrowers borrowers;
    private final Portal portal;

    PortalApiController(Borrowers borrowers, Portal portal) {
        this.borrowers = borrowers;
        this.portal = portal;
    }

    record PortalCodeRequest(String mobile, String language) {
    }

    record PortalCodeSent(String mobileMasked, Instant expiresAt) {
    }

    record PortalRegisterRequest(String mobile, String code, String name, String idNumber, String password, String language) {
    }

    record PortalTokenRequest(String mobile, String password) {
    }

    record PortalSession(String token, String name, String mobileMasked) {
    }

    record PortalMe(String name, String mobileMasked, List<Portal.PortalLender> lenders, String consentTextVersion) {
    }

    record PortalConsentRequest(UUID institutionId, String purpose, String textVersion) {
    }

    record PortalQuoteRequest(UUID productId, String amount, Integer numberOfRepayments) {
    }

    record PortalApplyRequest(UUID productId, String amount, Integer numberOfRepayments, String purpose,
                        java.util.Map<String, Object> answers, List<String> documents,
                        String idempotencyKey) {
    }

    record PortalAcceptRequest(String textVersion, Boolean autoDebit) {
    }

    record PortalPaymentRequest(String kind, String amount, String idempotencyKey) {
    }

    record PortalComplaintRequest(UUID institutionId, String category, String subject, String description) {
    }

    record PortalDocumentRequest(UUID institutionId, String category, String fileName, String contentBase64) {
    }

    record PortalUploaded(UUID id) {
    }

    @Operation(operationId = "portalSendCode", summary = "Send a one-time registration code to a mobile (SMS)")
    @org.xiaodai.shared.problem.ProblemResponse(status = 429, description = "`rate-limited`: this number asked for a code too recently or too often.")
    @PostMapping("/auth/codes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("permitAll()")
    PortalCodeSent sendCode(@RequestBody PortalCodeRequest body) {
        var issued = borrowers.sendCode(body.mobile(), body.language());
        return new PortalCodeSent(issued.mobileMasked(), issued.expiresAt());
    }

    @Operation(operationId = "portalRegister", summary = "Register a borrower with the one-time code; answers a portal token")
    @org.xiaodai.shared.problem.ProblemResponse(status = 409, description = "`mobile-registered`: the mobile is registered already.")
    @PostMapping("/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("permitAll()")
    PortalSession register(@RequestBody PortalRegisterRequest body) {
        BorrowerPrincipal b = borrowers.register(new Borrowers.Registration(body.mobile(), body.code(), body.name(),
                body.idNumber(), body.password(), body.language()));
        return new PortalSession(borrowers.issueToken(b), b.displayName(), b.mobileMasked());
    }

    @Operation(operationId = "portalToken", summary = "Sign in with mobile and password; answers a portal token")
    @org.xiaodai.shared.problem.ProblemResponse(status = 401, description = "`bad-credentials`: wrong mobile or password, or the account waits after 5 wrong passwords.")
    @PostMapping("/auth/token")
    @PreAuthorize("permitAll()")
    PortalSession token(@RequestBody PortalTokenRequest body) {
        BorrowerPrincipal b = borrowers.authenticate(body.mobile(), body.password())
                .orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "bad-credentials", List.of()));
        return new PortalSession(borrowers.issueToken(b), b.displayName(), b.mobileMasked());
    }

    @Operation(operationId = "portalMe", summary = "The signed-in borrower and the institutions where they are a customer")
    @GetMapping("/me")
    @PreAuthorize("hasRole('BORROWER')")
    PortalMe me() {
        BorrowerPrincipal b = borrower();
        return new PortalMe(b.displayName(), b.mobileMasked(), portal.lenders(b), Portal.CONSENT_TEXT_VERSION);
    }

    @Operation(operationId = "portalConsent", summary = "Give a separate consent (credit bureau or data sharing) to an institution")
    @PostMapping("/consents")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('BORROWER')")
    void consent(@RequestBody PortalConsentRequest body) {
        ConsentPurpose purpose;
        try {
            purpose = ConsentPurpose.valueOf(body.purpose() == null ? "" : body.purpose());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("purpose", "oneOf", "CREDIT_BUREAU_QUERY, DATA_SHARING");
        }
        portal.consent(borrower(), required("institutionId", body.institutionId()), purpose, body.textVersion());
    }

    @Operation(operationId = "portalProducts", summary = "Products the borrower can apply for")
    @GetMapping("/products")
    @PreAuthorize("hasRole('BORROWER')")
    List<Portal.PortalProduct> products() {
        return portal.products(borrower());
    }

    @Operation(operationId = "portalQuote", summary = "The schedule and annualised rate of terms, before applying")
    @PostMapping("/quotes")
    @PreAuthorize("hasRole('BORROWER')")
    OnlineApplications.OnlineQuote quote(@RequestBody PortalQuoteRequest body) {
        return portal.quote(borrower(), required("productId", body.productId()), amount(body.amount()),
                required("numberOfRepayments", body.numberOfRepayments()));
    }

    @Operation(operationId = "portalApply", summary = "Apply for a product (created and submitted at once)")
    @PostMapping("/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('BORROWER')")
    OnlineApplications.OnlineProgress apply(@RequestBody PortalApplyRequest body, HttpServletRequest request) {
        BorrowerPrincipal b = borrower();
        UUID id = portal.apply(b, required("productId", body.productId()), amount(body.amount()),
                required("numberOfRepayments", body.numberOfRepayments()), body.purpose(), body.answers(),
                body.documents() == null ? List.of() : body.documents(), body.idempotencyKey(), request.getRemoteAddr());
        return portal.application(b, id);
    }

    @Operation(operationId = "portalApplications", summary = "The borrower's applications")
    @GetMapping("/applications")
    @PreAuthorize("hasRole('BORROWER')")
    List<OnlineApplications.OnlineProgress> applications() {
        return portal.applications(borrower());
    }

    @Operation(operationId = "portalApplication", summary = "One of the borrower's applications, with decline reasons")
    @GetMapping("/applications/{id}")
    @PreAuthorize("hasRole('BORROWER')")
    OnlineApplications.OnlineProgress application(@PathVariable UUID id) {
        return portal.application(borrower(), id);
    }

    @Operation(operationId = "portalHumanReview", summary = "Ask for a human review of a declined application")
    @PostMapping("/applications/{id}/human-review")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('BORROWER')")
    OnlineApplications.OnlineProgress humanReview(@PathVariable UUID id) {
        BorrowerPrincipal b = borrower();
        portal.requestHumanReview(b, id);
        return portal.application(b, id);
    }

    @Operation(operationId = "portalUploadDocument", summary = "Upload a document (Base64 in JSON) to an institution where the borrower is a customer",
            description = "The type is sniffed from the bytes (JPEG, PNG or PDF); at most what the API body limit allows.")
    @PostMapping("/documents")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('BORROWER')")
    PortalUploaded upload(@RequestBody PortalDocumentRequest body) {
        byte[] content;
        try {
            content = java.util.Base64.getDecoder().decode(body.contentBase64() == null ? "" : body.contentBase64());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("contentBase64", "base64");
        }
        return new PortalUploaded(portal.upload(borrower(), required("institutionId", body.institutionId()), body.category(),
                body.fileName(), content));
    }

    @Operation(operationId = "portalDocuments", summary = "The borrower's documents")
    @GetMapping("/documents")
    @PreAuthorize("hasRole('BORROWER')")
    List<Customers.OwnDocument> documents() {
        return portal.documents(borrower());
    }

    @Operation(operationId = "portalContracts", summary = "The borrower's contracts")
    @GetMapping("/contracts")
    @PreAuthorize("hasRole('BORROWER')")
    List<BorrowerContracts.BorrowerContract> contracts() {
        return portal.contracts(borrower());
    }

    @Operation(operationId = "portalContract", summary = "One contract with its exact text and text version")
    @GetMapping("/contracts/{id}")
    @PreAuthorize("hasRole('BORROWER')")
    BorrowerContracts.BorrowerContract contract(@PathVariable UUID id) {
        return portal.contract(borrower(), id);
    }

    @Operation(operationId = "portalContractPdf", summary = "The contract as PDF")
    @GetMapping(path = "/contracts/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasRole('BORROWER')")
    ResponseEntity<byte[]> contractPdf(@PathVariable UUID id) {
        return pdf(portal.contractPdf(borrower(), id), id);
    }

    @Operation(operationId = "portalAcceptContract", summary = "Accept the contract text version read; opens the loan")
    @PostMapping("/contracts/{id}/acceptance")
    @PreAuthorize("hasRole('BORROWER')")
    BorrowerContracts.BorrowerContract accept(@PathVariable UUID id, @RequestBody PortalAcceptRequest body, HttpServletRequest request) {
        return portal.accept(borrower(), id, body.textVersion(), Boolean.TRUE.equals(body.autoDebit()), request.getRemoteAddr());
    }

    @Operation(operationId = "portalLoans", summary = "The borrower's loans with what is due")
    @GetMapping("/loans")
    @PreAuthorize("hasRole('BORROWER')")
    List<Portal.PortalLoan> loans() {
        return portal.loans(borrower());
    }

    @Operation(operationId = "portalLoan", summary = "One loan: what is due, schedule and statement")
    @GetMapping("/loans/{id}")
    @PreAuthorize("hasRole('BORROWER')")
    Portal.PortalLoanDetail loan(@PathVariable UUID id) {
        return portal.loan(borrower(), id);
    }

    @Operation(operationId = "portalPayoffQuote", summary = "What repays the loan in full today")
    @GetMapping("/loans/{id}/payoff-quote")
    @PreAuthorize("hasRole('BORROWER')")
    BorrowerLoans.BorrowerPayoffQuote payoffQuote(@PathVariable UUID id) {
        return portal.payoffQuote(borrower(), id);
    }

    @Operation(operationId = "portalPay", summary = "Repay, prepay or pay off through the payment channel (idempotent)")
    @PostMapping("/loans/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('BORROWER')")
    BorrowerLoans.BorrowerPayment pay(@PathVariable UUID id, @RequestBody PortalPaymentRequest body) {
        BigDecimal amount = "PAYOFF".equals(body.kind()) ? null : amount(body.amount());
        return portal.pay(borrower(), id, body.kind(), amount, body.idempotencyKey());
    }

    @Operation(operationId = "portalComplaints", summary = "The borrower's complaints")
    @GetMapping("/complaints")
    @PreAuthorize("hasRole('BORROWER')")
    List<Complaints.BorrowerComplaint> complaints() {
        return portal.complaints(borrower());
    }

    @Operation(operationId = "portalComplaint", summary = "One of the borrower's complaints")
    @GetMapping("/complaints/{id}")
    @PreAuthorize("hasRole('BORROWER')")
    Complaints.BorrowerComplaint complaint(@PathVariable UUID id) {
        return portal.complaint(borrower(), id);
    }

    @Operation(operationId = "portalFileComplaint", summary = "File a complaint against an institution; it reaches the regulator")
    @PostMapping("/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('BORROWER')")
    Complaints.BorrowerComplaint fileComplaint(@RequestBody PortalComplaintRequest body) {
        return portal.complain(borrower(), required("institutionId", body.institutionId()), body.category(), body.subject(),
                body.description());
    }

    static BorrowerPrincipal borrower() {
        return (BorrowerPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"contract-" + id + ".pdf\"").body(bytes);
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw ProblemException.invalid(field, "required");
        }
        return value;
    }

    static BigDecimal amount(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalid("amount", "required");
        }
        return DecimalNumber.validate(raw.strip()).toOptional()
                .orElseThrow(() -> ProblemException.invalid("amount", DecimalNumber.FORMAT));
    }
}
