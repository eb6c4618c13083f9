package org.xiaodai.calculator.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.calculator.ScheduleQuote;
import org.xiaodai.calculator.ScheduleQuotes;

/** The public schedule calculator: no login, rate-limited per client address. */
@RestController
@PreAuthorize("permitAll()")
@RequestMapping("/api/v1/calculator")
@Tag(name = "Loan calculator")
class CalculatorApiController {

    private final ScheduleQuotes quotes;

    CalculatorApiController(ScheduleQuotes quotes) {
        this.quotes = quotes;
    }

    /** One row of the schedule; every amount a decimal string with the currency's decimals. */
    record Row(int n, String dueDate, String principal, String interest, String total, String balanceAfter) {
    }

    /** The schedule with totals and the annualised rates in percent; {@code installmentAmount} only where defined. */
    record ScheduleResponse(List<Row> installments, String totalInterest, String installmentAmount,
                            String annualPercentageRate, String effectiveAnnualRate) {
    }

    @PostMapping("/schedule")
    @Operation(summary = "Repayment schedule, total interest and annualised rate (APR) of a set of loan terms")
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
