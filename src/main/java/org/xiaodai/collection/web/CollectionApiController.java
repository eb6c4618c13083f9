package org.xiaodai.collection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.collection.domain.Bucket;
import org.xiaodai.collection.internal.Assignment;
import org.xiaodai.collection.internal.CaseQueries;
import org.xiaodai.collection.internal.CaseViews;
import org.xiaodai.collection.internal.CaseWork;
import org.xiaodai.collection.internal.ContactLog;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.problem.ProblemResponse;
import org.xiaodai.shared.query.ListQuery;

/** Collection cases: queues by bucket, the case view, contacts under the conduct rules, promises, assignment. */
@RestController
@RequestMapping("/api/v1/collections")
@Tag(name = "Collections", description = "Overdue loans worked by collectors under the conduct rules of DOMAIN.md §9.")
class CollectionApiController {

    private final CaseQueries queries;
    private final ContactLog contacts;
    private final CaseWork work;
    private final Assignment assignment;
    private final Clock clock;

    CollectionApiController(CaseQueries queries, ContactLog contacts, CaseWork work, Assignment assignment, Clock clock) {
        this.queries = queries;
        this.contacts = contacts;
        this.work = work;
        this.assignment = assignment;
        this.clock = clock;
    }

    @Schema(description = "A contact made now: whom (the borrower's customer id or a related party the borrower named), "
            + "how and what came of it.")
    record ContactRequest(@NotNull @Schema(description = "customer id or related-party id from the case's contacts") UUID contactId,
                          @NotBlank @Schema(example = "CALL", allowableValues = {"CALL", "SMS", "VISIT", "LETTER"}) String channel,
                          @NotBlank @Schema(example = "NO_ANSWER", allowableValues = {"ANSWERED", "NO_ANSWER", "PROMISE_TO_PAY",
                                  "REFUSED_TO_PAY", "WRONG_NUMBER", "LEFT_MESSAGE"}) String outcome,
                          String note) {
    }

    @Schema(description = "A promise to pay: an amount (decimal string) by a date within 30 days of the business date.")
    record PromiseRequest(@NotBlank @Schema(example = "1500.00") String amount, @NotNull LocalDate promisedDate, String note) {
    }

    @Schema(description = "Hand the case to a collector (a user holding collection:work).")
    record AssignRequest(@NotNull UUID collectorId) {
    }

    @Schema(description = "Hand out every unassigned open case the caller sees.")
    record AssignAllRequest(@NotBlank @Schema(allowableValues = {"ROUND_ROBIN", "BY_BRANCH"}) String mode) {
    }

    @Schema(description = "How many cases were assigned.")
    record AssignAllResult(int assigned) {
    }

    @Schema(description = "Escalation and outsourcing flags; a reason or agency is required when the flag is set.")
    record FlagsRequest(boolean escalated, String escalationReason, boolean outsourced, String outsourcedAgency) {
    }

    @Schema(description = "Whether the borrower agreed to be contacted during the quiet hours (22:00–08:00).")
    record ConsentRequest(boolean given) {
    }

    @Operation(operationId = "listCollectionCases",
            summary = "A queue: open cases by bucket, riskiest first (B-card score), in the caller's data scope")
    @GetMapping("/cases")
    @PreAuthorize("hasAuthority('collection:work')")
    List<CaseViews.CaseSummary> cases(
            @Parameter(description = "M1 (1–30 days), M2 (31–60) or M3+ (over 60; write M3%2B or M3_PLUS)")
            @RequestParam(required = false) String bucket,
            @Parameter(description = "OPEN (default) or CLOSED") @RequestParam(required = false) String status,
            @Parameter(description = "1–200, default 50") @RequestParam(required = false) Integer limit) {
        Bucket chosen = null;
        if (bucket != null && !bucket.isBlank()) {
            chosen = Bucket.parse(bucket).orElseThrow(() -> ProblemException.invalid("bucket", "oneOf", "M1, M2, M3+"));
        }
        int size = limit == null ? 50 : Math.max(1, Math.min(limit, ListQuery.MAX_SIZE));
        return queries.queue(CurrentUsers.require(), new CaseQueries.Filter(chosen, status, null),
                new ListQuery("", "score", false, 1, size)).items();
    }

    @Operation(operationId = "getCollectionCase",
            summary = "The case view: the case, what is owed today and the schedule, the contacts the borrower named (masked), history")
    @GetMapping("/cases/{id}")
    @PreAuthorize("hasAuthority('collection:work')")
    CaseViews.CaseDetail detail(@PathVariable UUID id) {
        return queries.detail(CurrentUsers.require(), id);
    }

    @Operation(operationId = "logCollectionContact", summary = "Log a contact; refused with 422 when a conduct rule forbids it")
    @PostMapping("/cases/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('collection:work')")
    @ProblemResponse(status = 422, description = "A conduct rule refuses the contact (`conduct-unnamed-contact`, "
            + "`conduct-quiet-hours`, `conduct-daily-attempt-limit`); `rule` names it (`unnamedContact`, `quietHours`, "
            + "`dailyAttemptLimit`). The refusal is audited.")
    CaseViews.ContactEntry contact(@PathVariable UUID id, @Valid @RequestBody ContactRequest r) {
        return contacts.record(CurrentUsers.require(), id, new ContactLog.NewContact(r.contactId().toString(), r.channel(), r.outcome(),
                r.note()), clock);
    }

    @Operation(operationId = "makeCollectionPromise", summary = "Record a promise to pay (kept when paid, broken when its date passes unpaid)")
    @PostMapping("/cases/{id}/promises")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('collection:work')")
    CaseViews.Promise promise(@PathVariable UUID id, @Valid @RequestBody PromiseRequest r) {
        return work.promise(CurrentUsers.require(), id, new CaseWork.NewPromise(r.amount(), r.promisedDate(), r.note()));
    }

    @Operation(operationId = "assignCollectionCase", summary = "Hand a case to a collector")
    @PostMapping("/cases/{id}/assignment")
    @PreAuthorize("hasAuthority('collection:manage')")
    CaseViews.CaseSummary assign(@PathVariable UUID id, @Valid @RequestBody AssignRequest r) {
        return assignment.assign(CurrentUsers.require(), id, r.collectorId());
    }

    @Operation(operationId = "assignCollectionCases", summary = "Hand out every unassigned open case: round-robin or by branch")
    @PostMapping("/assignments")
    @PreAuthorize("hasAuthority('collection:manage')")
    AssignAllResult assignAll(@Valid @RequestBody AssignAllRequest r) {
        Assignment.Mode mode;
        try {
            mode = Assignment.Mode.valueOf(r.mode().strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("mode", "oneOf", "ROUND_ROBIN, BY_BRANCH");
        }
        return new AssignAllResult(assignment.assignUnassigned(CurrentUsers.require(), mode));
    }

    @Operation(operationId = "flagCollectionCase", summary = "Set the escalation and outsourcing flags")
    @PostMapping("/cases/{id}/flags")
    @PreAuthorize("hasAuthority('collection:manage')")
    CaseViews.CaseSummary flags(@PathVariable UUID id, @Valid @RequestBody FlagsRequest r) {
        return work.flags(CurrentUsers.require(), id, new CaseWork.Flags(r.escalated(), r.escalationReason(), r.outsourced(),
                r.outsourcedAgency()));
    }

    @Operation(operationId = "recordQuietHoursConsent",
            summary = "Record (or withdraw) the borrower's consent to contact during the quiet hours")
    @PostMapping("/cases/{id}/quiet-hours-consent")
    @PreAuthorize("hasAuthority('collection:work')")
    CaseViews.CaseSummary consent(@PathVariable UUID id, @Valid @RequestBody ConsentRequest r) {
        return work.quietHoursConsent(CurrentUsers.require(), id, r.given());
    }

    @Operation(operationId = "getCollectionStatistics",
            summary = "Contact rate, promise-kept rate and recovery by bucket over the cases the caller sees")
    @GetMapping("/statistics")
    @PreAuthorize("hasAuthority('collection:statistics')")
    CaseViews.Statistics statistics() {
        return queries.statistics(CurrentUsers.require());
    }
}
