package org.xiaodai.origination.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.origination.internal.ApplicationReader;
import org.xiaodai.origination.internal.ApplicationService;
import org.xiaodai.origination.internal.ApplicationView;
import org.xiaodai.origination.internal.SecurityChangeService;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.ListQuery;

/**
 * Loan applications: entry, submission, withdrawal, investigations, human review, reading them, and the changes of a
 * contracted loan's security.
 */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Applications", description = "Loan applications from entry to contract.")
class ApplicationApiController {

    private final ApplicationService applications;
    private final ApplicationReader reader;
    private final SecurityChangeService securityChanges;

    ApplicationApiController(ApplicationService applications, ApplicationReader reader, SecurityChangeService securityChanges) {
        this.applications = applications;
        this.reader = reader;
        this.securityChanges = securityChanges;
    }

    @Schema(description = "The created application: its id and status DRAFT.")
    record Created(UUID id, String status) {
    }

    @Operation(operationId = "createApplication", summary = "Enter an application (DRAFT)",
            description = "Checked against the product version in effect today (amount, term and rate ranges), the "
                    + "purpose (securities, equity investment and repaying other loans are refused) and the formats. "
                    + "With an `Idempotency-Key`, a repeated request answers with the application the first created.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('application:create')")
    Created create(@RequestBody ApplicationRequests.CreateApplicationRequest body,
                   @Parameter(description = "Makes a retried request safe.") @RequestHeader(name = "Idempotency-Key", required = false)
                   String idempotencyKey, HttpServletRequest request) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw ProblemException.invalid("Idempotency-Key", "size", 1, 100);
        }
        UUID id = applications.create(CurrentUsers.require(), ApplicationRequests.parse(body), idempotencyKey,
                request.getRemoteAddr());
        return new Created(id, "DRAFT");
    }

    @Operation(operationId = "listApplications", summary = "Applications in the caller's data scope",
            description = "Newest first, 50 a page; `status` filters, `q` searches the customer's name.")
    @GetMapping
    @PreAuthorize("hasAuthority('application:view')")
    List<ApplicationReader.Summary> list(@RequestParam(required = false) String status,
                                         @RequestParam(required = false) String q,
                                         @RequestParam(required = false) Integer page) {
        ListQuery query = ListQuery.of(q, null, null, page == null ? "1" : String.valueOf(page), "50", ApplicationReader.SORTING);
        return reader.page(CurrentUsers.require(), status, query).items();
    }

    @Operation(operationId = "getApplication", summary = "An application",
            description = "Status, score with reasons, flags with explanations, the decision trail, what is missing, and "
                    + "once approved the contract (and after acceptance the loan).")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('application:view')")
    ApplicationView get(@PathVariable UUID id) {
        return reader.view(CurrentUsers.require(), id);
    }

    @Schema(description = "Optional submission details.")
    record SubmitRequest(@Schema(description = "A device fingerprint for the velocity check.") String deviceFingerprint) {
    }

    @Operation(operationId = "submitApplication", summary = "Submit (or resubmit after a return)",
            description = "Refused with 400 naming each missing document or security; 409 `bureau-consent-missing` without "
                    + "the customer's live credit-bureau consent. Runs the credit bureau, the checks, the score and the "
                    + "authority matrix: an automatic approval issues the contract at once.")
    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAuthority('application:create')")
    ApplicationView submit(@PathVariable UUID id, @RequestBody(required = false) SubmitRequest body,
                           HttpServletRequest request) {
        return applications.submitAndView(CurrentUsers.require(), id, request.getRemoteAddr(),
                body == null ? null : body.deviceFingerprint());
    }

    @Operation(operationId = "withdrawApplication", summary = "Withdraw an application", description = "Before it is contracted.")
    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('application:create')")
    ApplicationView withdraw(@PathVariable UUID id) {
        applications.withdraw(CurrentUsers.require(), id);
        return reader.view(CurrentUsers.require(), id);
    }

    @Operation(operationId = "requestHumanReview", summary = "Ask for a human review of a decline",
            description = "DOMAIN.md §8: an automatic decision is explained and can be looked at again by a person.")
    @PostMapping("/{id}/human-review")
    @PreAuthorize("hasAuthority('application:create')")
    ApplicationView humanReview(@PathVariable UUID id) {
        applications.requestHumanReview(CurrentUsers.require(), id);
        return reader.view(CurrentUsers.require(), id);
    }

    @Schema(description = "A pre-loan investigation record (贷前调查).")
    record InvestigationRequest(@Schema(example = "2026-12-01", format = "date") String visitDate,
                                @Schema(example = "实地走访经营场所，库存与流水相符") String findings,
                                @Schema(description = "Names of attached files.") List<String> attachments) {
    }

    @Operation(operationId = "recordInvestigation", summary = "Record a pre-loan investigation")
    @PostMapping("/{id}/investigations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('application:investigate')")
    Map<String, UUID> investigate(@PathVariable UUID id, @RequestBody InvestigationRequest body) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        var date = ApplicationRequests.date("visitDate", body.visitDate(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return Map.of("id", applications.investigate(CurrentUsers.require(), id, date, body.findings(),
                body.attachments()));
    }

    @Schema(description = "The security of a contracted loan after a change (担保变更): every collateral item and guarantor in "
            + "force from the business date on, and why.")
    record SecurityChangeRequest(@Schema(description = "The collateral after the change (empty: none).")
                                 List<ApplicationRequests.CollateralBody> collateral,
                                 @Schema(description = "Customer ids of the guarantors after the change (empty: none).")
                                 List<String> guarantors,
                                 @Schema(example = "保证人王某退出，追加房产抵押") String reason) {
    }

    @Schema(description = "A recorded security change: its id and the business date it takes effect on.")
    record SecurityChanged(UUID id, @Schema(format = "date") String changedOn) {
    }

    @Operation(operationId = "changeLoanSecurity", summary = "Record a change of a contracted loan's security",
            description = "Guarantors added, released or replaced, collateral added, released or substituted, effective on "
                    + "the business date; append-only and audited. The month's loan-level detail reports the loan with "
                    + "report-time code 30 (guarantee change). 409 `application-state` before the loan exists; 400 for an "
                    + "unknown guarantor, the borrower as guarantor, a valuation after the business date, no reason, or "
                    + "the security already in force (`securityUnchanged`).")
    @PostMapping("/{id}/security-changes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('application:security:change')")
    SecurityChanged changeSecurity(@PathVariable UUID id, @RequestBody SecurityChangeRequest body) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        var collateral = ApplicationRequests.collateral(body.collateral(), problems);
        var guarantors = ApplicationRequests.guarantors(body.guarantors(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        var recorded = securityChanges.record(CurrentUsers.require(), id,
                new SecurityChangeService.SecurityChange(collateral, guarantors, body.reason()));
        return new SecurityChanged(recorded.id(), recorded.changedOn().toString());
    }
}
