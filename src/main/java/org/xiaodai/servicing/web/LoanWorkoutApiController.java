package org.xiaodai.servicing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
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
import org.xiaodai.calc.FiveLevelGrade;
import org.xiaodai.calc.PrepaymentStrategy;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.servicing.internal.LoanQueries;
import org.xiaodai.servicing.internal.LoanWorkouts;
import org.xiaodai.servicing.internal.WorkoutRequests;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.problem.ProblemResponse;

import static org.xiaodai.servicing.web.LoanApiController.MONEY;
import static org.xiaodai.servicing.web.LoanApiController.plain;

/** Payoff, prepayment, manual downgrade, and write-off / restructuring requests for a second user's approval. */
@RestController
@RequestMapping("/api/v1/loans/{id}")
@Tag(name = "Loans")
class LoanWorkoutApiController {

    private final LoanQueries queries;
    private final LoanWorkouts workouts;
    private final WorkoutRequests requests;

    LoanWorkoutApiController(LoanQueries queries, LoanWorkouts workouts, WorkoutRequests requests) {
        this.queries = queries;
        this.workouts = workouts;
        this.requests = requests;
    }

    @Schema(name = "PayoffQuote", description = "What repays the loan in full on the date: principal, interest for the "
            + "days used and unpaid due interest, penalty, less the credit balance.")
    record QuoteView(LocalDate date, @Schema(pattern = MONEY) String principal, @Schema(pattern = MONEY) String interest,
                     @Schema(pattern = MONEY) String penalty, @Schema(pattern = MONEY) String credit,
                     @Schema(pattern = MONEY) String total) {
    }

    @Schema(name = "PayoffRequest")
    record PayoffRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String idempotencyKey,
                         @Schema(description = "TRANSFER (default), CASH or MANUAL") @Nullable String channel) {
    }

    @Schema(name = "PrepaymentRequest")
    record PrepaymentBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = MONEY) String amount,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "SHORTER_TERM or LOWER_INSTALLMENT")
                          String strategy,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String idempotencyKey) {
    }

    @Schema(name = "DowngradeRequest")
    record DowngradeRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                    description = "NORMAL, SPECIAL_MENTION, SUBSTANDARD, DOUBTFUL or LOSS") String grade,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500) String reason) {
    }

    @Schema(name = "GradeView")
    record GradeView(UUID loanId, String grade) {
    }

    @Schema(name = "WriteOffRequest")
    record WriteOffRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500) String reason) {
    }

    @Schema(name = "RestructuringRequest")
    record RestructuringRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "RESTRUCTURING or EXTENSION")
                                String kind,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "360")
                                Integer numberOfRepayments,
                                @Schema(description = "The new annual rate in percent; the current one when absent")
                                @Nullable String annualInterestRatePercent,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500) String reason) {
    }

    @Schema(name = "ChangeRequestFiled")
    record Filed(UUID changeRequestId) {
    }

    @Operation(operationId = "getPayoffQuote", summary = "Payoff quote (提前结清) for a date, the business date by default")
    @GetMapping("/payoff-quote")
    @PreAuthorize("hasAuthority('loan:view')")
    @ProblemResponse(status = 409, description = "`loan-not-open`, `payoff-on-disbursement-date`.")
    QuoteView quote(@PathVariable UUID id, @Parameter(description = "ISO date, not before the business date")
                    @RequestParam(required = false) String date) {
        queries.requireVisible(CurrentUsers.require(), id);
        LocalDate on = null;
        if (date != null && !date.isBlank()) {
            try {
                on = LocalDate.parse(date.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw ProblemException.invalid("date", "date");
            }
        }
        LoanWorkouts.PayoffQuote q = workouts.quote(id, on);
        return new QuoteView(q.date(), plain(q.principal()), plain(q.interest()), plain(q.penalty()), plain(q.credit()),
                plain(q.total()));
    }

    @Operation(operationId = "payOffLoan", summary = "Pay the loan off today: interest only for the days used",
            description = "Writes a schedule version ending on the business date and books the payment that settles it. "
                    + "The same `idempotencyKey` again answers the first result.")
    @PostMapping("/payoff")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('repayment:record')")
    @ProblemResponse(status = 409, description = "`loan-not-open`, `payoff-on-disbursement-date`.")
    LoanApiController.TransactionView payoff(@PathVariable UUID id, @RequestBody PayoffRequest body) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        String channel = body.channel() == null ? "TRANSFER" : body.channel();
        if (!java.util.Set.of("TRANSFER", "CASH", "MANUAL").contains(channel)) {
            throw ProblemException.invalid("channel", "oneOf", "TRANSFER, CASH, MANUAL");
        }
        return LoanApiController.view(workouts.payoff(id, body.idempotencyKey(), channel, caller.userId()));
    }

    @Operation(operationId = "prepayLoan", summary = "Partial prepayment (提前还款): shorter term or lower installment",
            description = "The amount pays the interest of the days used of the current period, the rest reduces "
                    + "principal; a new schedule version follows from `calc`'s prepayment. Only for a loan with nothing "
                    + "overdue.")
    @PostMapping("/prepayments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('repayment:record')")
    @ProblemResponse(status = 409, description = "`loan-not-current`, `prepayment-after-schedule-change`.")
    LoanApiController.TransactionView prepay(@PathVariable UUID id, @RequestBody PrepaymentBody body) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        BigDecimal amount = LoanApiController.amount(body.amount());
        PrepaymentStrategy strategy = choice("strategy", body.strategy(), PrepaymentStrategy.class);
        if (body.idempotencyKey() == null || body.idempotencyKey().isBlank() || body.idempotencyKey().length() > 100) {
            throw ProblemException.invalid("idempotencyKey", "required");
        }
        return LoanApiController.view(workouts.prepay(id, amount, strategy, body.idempotencyKey(), caller.userId()));
    }

    @Operation(operationId = "downgradeLoan", summary = "Manual downgrade (人工下调) with a reason",
            description = "Never better than the days-past-due grade; every change is dated in the grade history.")
    @PostMapping("/grade")
    @PreAuthorize("hasAuthority('classification:review')")
    @ProblemResponse(status = 409, description = "`loan-not-open`.")
    GradeView downgrade(@PathVariable UUID id, @RequestBody DowngradeRequest body) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        workouts.downgrade(id, choice("grade", body.grade(), FiveLevelGrade.class), body.reason(), caller.userId());
        return new GradeView(id, queries.detail(caller, id).grade());
    }

    @Operation(operationId = "requestWriteOff", summary = "File a write-off (核销) for a second user's approval",
            description = "Approved through `/api/v1/change-requests/{id}/approve`; the loan then leaves the books against "
                    + "the loan-loss provision, and later repayments are booked as recoveries.")
    @PostMapping("/write-off-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('risk:manage')")
    @ProblemResponse(status = 409, description = "`write-off-needs-overdue-loan`.")
    Filed requestWriteOff(@PathVariable UUID id, @RequestBody WriteOffRequest body) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        return new Filed(requests.requestWriteOff(caller, id, body.reason()));
    }

    @Operation(operationId = "requestRestructuring", summary = "File a restructuring or extension (重组 / 展期) for approval",
            description = "Once approved, the principal not yet due moves to a new monthly schedule from the business date; "
                    + "the loan is flagged and kept at least SPECIAL_MENTION for the watch period.")
    @PostMapping("/restructuring-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('risk:manage')")
    @ProblemResponse(status = 409, description = "`loan-not-open`.")
    Filed requestRestructuring(@PathVariable UUID id, @RequestBody RestructuringRequest body) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        BigDecimal rate = body.annualInterestRatePercent() == null ? null
                : LoanApiController.amount(body.annualInterestRatePercent());
        return new Filed(requests.requestRestructuring(caller, id, body.kind(), body.numberOfRepayments(), rate,
                body.reason()));
    }

    static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "required");
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "oneOf", String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
