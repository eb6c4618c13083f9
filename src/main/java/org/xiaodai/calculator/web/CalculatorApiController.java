package org.xiaodai.calculator.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.calculator.ScheduleQuote;
import org.xiaodai.calculator.ScheduleQuotes;
import org.xiaodai.shared.problem.ProblemResponse;

/** The public schedule calculator: no login, rate-limited per client address. */
@RestController
@PreAuthorize("permitAll()")
@RequestMapping("/api/v1/calculator")
@Tag(name = "Loan calculator", description = "Repayment schedule, totals and annualised rate of a set of loan terms; public, rate-limited per client address.")
class CalculatorApiController {

    private final ScheduleQuotes quotes;

    CalculatorApiController(ScheduleQuotes quotes) {
        this.quotes = quotes;
    }

    /** One row of the schedule; every amount a decimal string with the currency's decimals. */
    @Schema(name = "ScheduleRow", description = "One installment; amounts are decimal strings with the currency's decimals.")
    record Row(@Schema(description = "Installment number, from 1.", example = "1") int n,
               @Schema(format = "date", example = "2024-02-15") String dueDate,
               @Schema(pattern = MONEY, example = "788.49") String principal,
               @Schema(pattern = MONEY, example = "100.00") String interest,
               @Schema(pattern = MONEY, example = "888.49") String total,
               @Schema(description = "Principal still owed after this installment.", pattern = MONEY, example = "9211.51")
               String balanceAfter) {
    }

    /** The schedule with totals and the annualised rates in percent; {@code installmentAmount} only where defined. */
    @Schema(description = "The schedule with totals and the annualised rates.")
    record ScheduleResponse(List<Row> installments,
                            @Schema(pattern = MONEY, example = "661.88") String totalInterest,
                            @Schema(description = "The level installment, for equal installments only (else null).",
                                    pattern = MONEY, example = "888.49") @Nullable String installmentAmount,
                            @Schema(description = "年化利率 (APR): IRR of the cash flows × periods per year, in percent.",
                                    pattern = PERCENT, example = "12.00") String annualPercentageRate,
                            @Schema(description = "The compounded equivalent of the APR, in percent.", pattern = PERCENT,
                                    example = "12.68") String effectiveAnnualRate) {
    }

    /** A decimal string of a money amount, e.g. {@code 888.49}. */
    static final String MONEY = "^-?\\d+(\\.\\d+)?$";
    /** A percentage with two decimals, e.g. {@code 12.00}. */
    static final String PERCENT = "^-?\\d+\\.\\d{2}$";

    @Operation(operationId = "calculateSchedule",
            summary = "Repayment schedule, total interest and annualised rate (APR) of a set of loan terms",
            description = "Pure calculation: nothing is stored. Every invalid field is reported at once in `errors`.")
    @ProblemResponse(status = 429, description = "Too many requests from this client address; retry after the `Retry-After` seconds.")
    @PostMapping("/schedule")
    ScheduleResponse schedule(@RequestBody TermsRequest request) {
        ScheduleQuote quote = quotes.quote(TermsParser.parse(request));
        int digits = quote.schedule().terms().currencyDigits();
        List<Row> rows = quote.schedule().installments().stream().map(i -> new Row(i.n(), i.dueDate().toString(),
                money(i.principal(), digits), money(i.interest(), digits), money(i.total(), digits),
                money(i.balanceAfter(), digits))).toList();
        return new ScheduleResponse(rows, money(quote.schedule().totalInterest(), digits),
                quote.schedule().installmentAmount().map(a -> money(a, digits)).orElse(null),
                quote.annualPercentageRate(), quote.effectiveAnnualRate());
    }

    static String money(BigDecimal amount, int digits) {
        return amount.setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
    }
}
