package org.xiaodai.calculator.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.calc.FiveLevelGrade;
import org.xiaodai.calc.InstallmentPosition;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.calc.LoanStatus;
import org.xiaodai.calc.RepaymentAllocation;
import org.xiaodai.calculator.ServicingQuotes;
import org.xiaodai.shared.problem.ProblemResponse;

import static org.xiaodai.calculator.web.CalculatorApiController.MONEY;
import static org.xiaodai.calculator.web.CalculatorApiController.money;

/**
 * The public servicing simulation ("what if I pay late"): the same engine that computes real
 * loans, on terms, a policy and repayments the caller makes up. No login, rate-limited per client
 * address like the schedule calculator (same path prefix, same bucket).
 */
@RestController
@PreAuthorize("permitAll()")
@RequestMapping("/api/v1/calculator")
@Tag(name = "Loan calculator")
class ServicingSimulationController {

    private final ServicingQuotes quotes;

    ServicingSimulationController(ServicingQuotes quotes) {
        this.quotes = quotes;
    }

    /** Exactly the {@code expected} keys of the servicing conformance vectors. */
    @Schema(name = "ServicingPosition", description = "The loan as of `asOf`; amounts are decimal strings with the currency's decimals.")
    record Position(
            @Schema(implementation = LoanStatus.class, example = "OVERDUE") String status,
            @Schema(description = "Days since the due date of the oldest installment past due; 0 when none is.", example = "36")
            long daysPastDue,
            @Schema(implementation = FiveLevelGrade.class, description = "五级分类 by days past due.", example = "SPECIAL_MENTION")
            String grade,
            @Schema(description = "Principal not yet paid, due or not.", pattern = MONEY, example = "10666.74") String principalOutstanding,
            @Schema(description = "Unpaid principal of installments due before `asOf`.", pattern = MONEY, example = "1533.79")
            String overduePrincipal,
            @Schema(description = "Unpaid interest of installments due before `asOf`.", pattern = MONEY, example = "100.98")
            String overdueInterest,
            @Schema(description = "Penalty (罚息, 复利) charged and not yet paid.", pattern = MONEY, example = "11.22")
            String penaltyOutstanding,
            @Schema(description = "Interest earned in the current period but not yet due.", pattern = MONEY, example = "15.22")
            String accruedInterest,
            @Schema(description = "Credit balance (溢缴款): paid early or too much, applied as installments fall due.",
                    pattern = MONEY, example = "0.00") String credit,
            List<Allocation> allocations,
            List<InstallmentState> installments) {
    }

    /** Where one repayment went. */
    @Schema(name = "ServicingAllocation", description = "Where one repayment went, in the order of the request's events.")
    record Allocation(@Schema(format = "date", example = "2025-03-20") String date,
                      @Schema(pattern = MONEY, example = "2.39") String penalty,
                      @Schema(pattern = MONEY, example = "110.54") String interest,
                      @Schema(pattern = MONEY, example = "387.07") String principal,
                      @Schema(description = "What was left over and became credit.", pattern = MONEY, example = "0.00")
                      String toCredit) {
    }

    /** One installment as of the date. */
    @Schema(name = "ServicingInstallment", description = "One installment of the schedule as of `asOf`.")
    record InstallmentState(@Schema(example = "2") int n,
                            @Schema(format = "date", example = "2025-03-15") String dueDate,
                            @Schema(pattern = MONEY, example = "387.07") String paidPrincipal,
                            @Schema(pattern = MONEY, example = "110.54") String paidInterest,
                            @Schema(pattern = MONEY, example = "2.39") String paidPenalty,
                            @Schema(description = "Penalty charged so far, rounded once from the exact running total.",
                                    pattern = MONEY, example = "11.20") String penaltyCharged) {
    }

    @Operation(operationId = "simulateServicing",
            summary = "What a loan owes as of a date after its repayments (what if I pay late)",
            description = "Pure calculation, nothing is stored: days past due, grade, outstanding and overdue amounts, penalty "
                    + "and compound interest, credit, where each repayment went and each installment's state, by the same "
                    + "engine that services real loans. Every invalid field is reported at once in `errors`.")
    @ProblemResponse(status = 429, description = "Too many requests from this client address; retry after the `Retry-After` seconds.")
    @PostMapping("/servicing")
    Position servicing(@RequestBody ServicingSimulationRequest request) {
        var servicing = ServicingParser.parse(request);
        LoanPosition p = quotes.position(servicing);
        int d = servicing.terms().currencyDigits();
        return new Position(p.status().name(), p.daysPastDue(), p.grade().name(), money(p.principalOutstanding(), d),
                money(p.overduePrincipal(), d), money(p.overdueInterest(), d), money(p.penaltyOutstanding(), d),
                money(p.accruedInterest(), d), money(p.credit(), d),
                p.allocations().stream().map(a -> allocation(a, d)).toList(),
                p.installments().stream().map(i -> installment(i, d)).toList());
    }

    private static Allocation allocation(RepaymentAllocation a, int d) {
        return new Allocation(a.date().toString(), money(a.penalty(), d), money(a.interest(), d), money(a.principal(), d),
                money(a.toCredit(), d));
    }

    private static InstallmentState installment(InstallmentPosition i, int d) {
        return new InstallmentState(i.n(), i.dueDate().toString(), money(i.paidPrincipal(), d), money(i.paidInterest(), d),
                money(i.paidPenalty(), d), money(i.penaltyCharged(), d));
    }
}
