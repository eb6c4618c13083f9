package org.xiaodai.servicing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.calc.Installment;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.servicing.internal.AutoDebitMandates;
import org.xiaodai.servicing.internal.BookedTransaction;
import org.xiaodai.servicing.internal.Disbursements;
import org.xiaodai.servicing.internal.LoanQueries;
import org.xiaodai.servicing.internal.Repayments;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.problem.ProblemResponse;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.validation.DecimalNumber;

/** Loans in servicing: figures as of the business date, schedule, transactions; disbursement, repayments, reversals, refunds. */
@RestController
@RequestMapping("/api/v1/loans")
@Tag(name = "Loans", description = "Loans from disbursement to their end: the servicing engine's figures as of the "
        + "institution's business date, schedule versions, transactions, disbursement, repayments with idempotency keys, "
        + "reversals and credit refunds.")
class LoanApiController {

    static final String MONEY = "^-?\\d+(\\.\\d+)?$";

    private final LoanQueries queries;
    private final Disbursements disbursements;
    private final Repayments repayments;
    private final AutoDebitMandates mandates;

    LoanApiController(LoanQueries queries, Disbursements disbursements, Repayments repayments, AutoDebitMandates mandates) {
        this.queries = queries;
        this.disbursements = disbursements;
        this.repayments = repayments;
        this.mandates = mandates;
    }

    @Schema(name = "AutoDebitMandateRequest")
    record MandateRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                  description = "true: set the mandate (withholding on due dates); false: revoke it")
                          @Nullable Boolean autoDebit,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) @Nullable String idempotencyKey,
                          @Schema(maxLength = 500) @Nullable String reason) {
    }

    @Schema(name = "AutoDebitMandateChange", description = "A change of the loan's auto-debit mandate as booked.")
    record MandateView(UUID id, UUID loanId, boolean autoDebit, boolean previous, LocalDate businessDate,
                       @Nullable String reason, java.time.Instant changedAt) {
    }

    @Operation(operationId = "setLoanAutoDebit", summary = "Set, change or revoke the loan's auto-debit mandate (代扣授权)",
            description = "From acceptance until the loan is paid off or written off. End of day withholds on due dates "
                    + "only for loans holding a mandate when it closes the date. The same `idempotencyKey` again changes "
                    + "nothing and answers the first result. Audited (`servicing.loan.auto-debit`).")
    @PutMapping("/{id}/auto-debit")
    @PreAuthorize("hasAuthority('loan:auto-debit')")
    @ProblemResponse(status = 409, description = "`loan-not-open`: the loan is paid off or written off.")
    MandateView setAutoDebit(@PathVariable UUID id, @RequestBody MandateRequest body) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        AutoDebitMandates.Change c = mandates.set(id, body.autoDebit(), body.idempotencyKey(), body.reason(),
                caller.userId());
        return new MandateView(c.id(), c.loanId(), c.autoDebit(), c.previous(), c.businessDate(), c.reason(), c.changedAt());
    }

    @Schema(name = "LoanView", description = "A loan as of its institution's business date; the figures are the "
            + "servicing conformance README's keys.")
    record LoanView(UUID id, String contractNumber, UUID customerId, UUID productId, int productVersion,
                    String currency, @Schema(pattern = MONEY) String principal,
                    @Schema(description = "PENDING_DISBURSEMENT, DISBURSING, ACTIVE, OVERDUE, PAID_OFF or WRITTEN_OFF")
                    String status, long daysPastDue,
                    @Schema(description = "NORMAL, SPECIAL_MENTION, SUBSTANDARD, DOUBTFUL or LOSS (after any manual "
                            + "downgrade and the watch period of a restructured loan)") String grade,
                    @Schema(pattern = MONEY) String principalOutstanding, @Schema(pattern = MONEY) String overduePrincipal,
                    @Schema(pattern = MONEY) String overdueInterest, @Schema(pattern = MONEY) String penaltyOutstanding,
                    @Schema(pattern = MONEY) String accruedInterest, @Schema(pattern = MONEY) String credit,
                    LocalDate businessDate, @Nullable LocalDate disbursementDate, @Nullable LocalDate maturityDate,
                    int scheduleVersion, boolean autoDebit, boolean restructured, @Nullable LocalDate watchUntil) {
    }

    @Schema(name = "LoanListItem")
    record LoanItem(UUID id, String contractNumber, UUID customerId, @Nullable String customerName, UUID productId,
                    String status, String grade, @Schema(pattern = MONEY) String principal,
                    @Schema(pattern = MONEY) String principalOutstanding, @Nullable LocalDate disbursementDate,
                    @Nullable LocalDate maturityDate, @Nullable LocalDate oldestUnpaidDue, boolean autoDebit) {
    }

    @Schema(name = "LoanPage")
    record LoanPage(List<LoanItem> items, long total, int page, int size) {
    }

    @Schema(name = "LoanScheduleRow")
    record Row(int n, LocalDate dueDate, @Schema(pattern = MONEY) String principal, @Schema(pattern = MONEY) String interest,
               @Schema(pattern = MONEY) String total, @Schema(pattern = MONEY) String balanceAfter) {
    }

    @Schema(name = "LoanSchedule")
    record ScheduleView(int version, String reason, LocalDate effectiveDate, boolean current, List<Row> installments) {
    }

    @Schema(name = "LoanTransaction", description = "A booked transaction with the allocation it had when booked.")
    record TransactionView(UUID id, String kind, LocalDate businessDate, @Schema(pattern = MONEY) String amount,
                           @Nullable String channel, @Schema(pattern = MONEY) String penalty,
                           @Schema(pattern = MONEY) String interest, @Schema(pattern = MONEY) String principal,
                           @Schema(pattern = MONEY) String toCredit, @Nullable UUID reverses, boolean reversed,
                           @Nullable String note) {
    }

    @Schema(name = "DisbursementRequest")
    record DisbursementRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String idempotencyKey) {
    }

    @Schema(name = "RepaymentRequest")
    record RepaymentRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = MONEY, example = "888.49") String amount,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String idempotencyKey,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                    description = "TRANSFER, CASH, MANUAL or WITHHOLDING") String channel) {
    }

    @Schema(name = "RefundRequest")
    record RefundRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = MONEY) String amount,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String idempotencyKey) {
    }

    @Schema(name = "ReversalRequest")
    record ReversalRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500) String reason) {
    }

    @Operation(operationId = "listLoans", summary = "Loans in the caller's data scope, filtered and paged",
            description = "`status` and `grade` filter; `q` searches contract number and customer name; `sort` one of "
                    + "disbursementDate, principal, principalOutstanding, status, grade, contractNumber, oldestUnpaidDue.")
    @GetMapping
    @PreAuthorize("hasAuthority('loan:view')")
    LoanPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String grade,
                  @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                  @RequestParam(required = false) String dir, @RequestParam(required = false) String page,
                  @RequestParam(required = false) String size) {
        PageResult<LoanQueries.LoanListItem> result = queries.page(CurrentUsers.require(), status, grade,
                ListQuery.of(q, sort, dir, page, size, LoanQueries.SORTING));
        return new LoanPage(result.items().stream().map(i -> new LoanItem(i.id(), i.contractNumber(), i.customerId(),
                i.customerName(), i.productId(), i.status(), i.grade(), plain(i.principal()),
                plain(i.principalOutstanding()), i.disbursementDate(), i.maturityDate(), i.oldestUnpaidDue(),
                i.autoDebit())).toList(), result.total(), result.page(), result.query().size());
    }

    @Operation(operationId = "getLoan", summary = "A loan as of its institution's business date",
            description = "The servicing engine's position on the business date after that day's bookings: the same "
                    + "figures `POST /api/v1/calculator/servicing` gives for the loan's terms and repayments.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('loan:view')")
    LoanView get(@PathVariable UUID id) {
        LoanQueries.LoanDetail d = queries.detail(CurrentUsers.require(), id);
        return new LoanView(d.id(), d.contractNumber(), d.customerId(), d.productId(), d.productVersion(), d.currency(),
                plain(d.principal()), d.status(), d.daysPastDue(), d.grade(), plain(d.principalOutstanding()),
                plain(d.overduePrincipal()), plain(d.overdueInterest()), plain(d.penaltyOutstanding()),
                plain(d.accruedInterest()), plain(d.credit()), d.businessDate(), d.disbursementDate(), d.maturityDate(),
                d.scheduleVersion(), d.autoDebit(), d.restructured(), d.watchUntil());
    }

    @Operation(operationId = "getLoanSchedule", summary = "The loan's current schedule version",
            description = "Rows with the calculator's keys (`n`, `dueDate`, `principal`, `interest`, `total`, `balanceAfter`).")
    @GetMapping("/{id}/schedule")
    @PreAuthorize("hasAuthority('loan:view')")
    ScheduleView schedule(@PathVariable UUID id) {
        return view(queries.schedule(CurrentUsers.require(), id));
    }

    @Operation(operationId = "listLoanScheduleVersions", summary = "Every schedule version of the loan, oldest first")
    @GetMapping("/{id}/schedules")
    @PreAuthorize("hasAuthority('loan:view')")
    List<ScheduleView> schedules(@PathVariable UUID id) {
        return queries.schedules(CurrentUsers.require(), id).stream().map(LoanApiController::view).toList();
    }

    @Operation(operationId = "listLoanTransactions", summary = "Every transaction booked for the loan, in booking order")
    @GetMapping("/{id}/transactions")
    @PreAuthorize("hasAuthority('loan:view')")
    List<TransactionView> transactions(@PathVariable UUID id) {
        return queries.transactions(CurrentUsers.require(), id).stream().map(LoanApiController::view).toList();
    }

    @Operation(operationId = "listLoanGradeChanges", summary = "The loan's grade history, each change dated with its reason")
    @GetMapping("/{id}/grades")
    @PreAuthorize("hasAuthority('loan:view')")
    List<LoanQueries.GradeChange> grades(@PathVariable UUID id) {
        return queries.grades(CurrentUsers.require(), id);
    }

    @Operation(operationId = "disburseLoan", summary = "Disburse the whole principal through the payment channel",
            description = "Sends a payment order to the bank (the simulated bank by default) and answers at once with the "
                    + "order, `PENDING`; the bank's asynchronous answer activates the loan on the institution's business "
                    + "date, or the order is retried and finally `FAILED`. The same `idempotencyKey` again answers the "
                    + "same order.")
    @PostMapping("/{id}/disbursement")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('loan:disburse')")
    @ProblemResponse(status = 409, description = "`loan-not-pending-disbursement`: the loan is already disbursed or "
            + "being disbursed; `idempotency-key-reused`: the key belongs to another loan's order.")
    Disbursements.DisbursementView disburse(@PathVariable UUID id, @RequestBody DisbursementRequest body) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        return disbursements.request(id, body.idempotencyKey(), caller.userId());
    }

    @Operation(operationId = "repayLoan", summary = "Book a repayment, allocated by the servicing engine",
            description = "Dated with the institution's business date; allocated to penalty, interest and principal of "
                    + "what is due, the rest to the credit balance (applied as installments fall due). The same "
                    + "`idempotencyKey` again books nothing and answers the first result. On a written-off loan the "
                    + "money is booked as a recovery.")
    @PostMapping("/{id}/repayments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('repayment:record')")
    @ProblemResponse(status = 409, description = "`loan-not-open`: the loan is not disbursed or already paid off.")
    TransactionView repay(@PathVariable UUID id, @RequestBody RepaymentRequest body) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        BigDecimal amount = amount(body.amount());
        return view(repayments.repay(id, amount, body.idempotencyKey(), body.channel(), caller.userId()).transaction());
    }

    @Operation(operationId = "reverseRepayment", summary = "Reverse a repayment (冲正) by a compensating transaction",
            description = "Every later repayment is re-allocated by the engine; the differences are posted as compensating "
                    + "entries. Nothing booked is changed.")
    @PostMapping("/{id}/repayments/{transactionId}/reversal")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('repayment:record')")
    @ProblemResponse(status = 409, description = "`already-reversed`, `not-a-repayment`, `loan-written-off`, "
            + "`refund-after-repayment` (credit it built was refunded since).")
    TransactionView reverse(@PathVariable UUID id, @PathVariable UUID transactionId, @RequestBody ReversalRequest body) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        return view(repayments.reverse(id, transactionId, body.reason(), caller.userId()));
    }

    @Operation(operationId = "refundCredit", summary = "Pay part or all of the credit balance (溢缴款) back to the borrower")
    @PostMapping("/{id}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('repayment:record')")
    @ProblemResponse(status = 409, description = "`loan-not-open`: the loan is not disbursed or written off.")
    TransactionView refund(@PathVariable UUID id, @RequestBody RefundRequest body) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        return view(repayments.refund(id, amount(body.amount()), body.idempotencyKey(), caller.userId()).transaction());
    }

    static BigDecimal amount(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalid("amount", "required");
        }
        var parsed = DecimalNumber.validate(raw.strip());
        if (parsed.toOptional().isEmpty()) {
            throw ProblemException.invalid("amount", DecimalNumber.FORMAT);
        }
        return parsed.toOptional().get();
    }

    static ScheduleView view(LoanQueries.ScheduleVersion v) {
        return new ScheduleView(v.version(), v.reason(), v.effectiveDate(), v.current(),
                v.installments().stream().map(LoanApiController::row).toList());
    }

    private static Row row(Installment i) {
        return new Row(i.n(), i.dueDate(), plain(i.principal()), plain(i.interest()), plain(i.total()),
                plain(i.balanceAfter()));
    }

    static TransactionView view(BookedTransaction t) {
        return new TransactionView(t.id(), t.kind(), t.date(), plain(t.amount()), t.channel(), plain(t.penalty()),
                plain(t.interest()), plain(t.principal()), plain(t.toCredit()), t.reversesId(), t.reversed(), t.note());
    }

    static String plain(BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
