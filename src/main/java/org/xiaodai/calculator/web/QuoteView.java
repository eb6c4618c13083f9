package org.xiaodai.calculator.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xiaodai.calc.Installment;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calculator.ScheduleQuote;
import tools.jackson.databind.json.JsonMapper;

/**
 * The results area of the calculator page. Every figure is display text: amounts with two decimals
 * and thousands separators, rates in percent. Only {@code chartJson} carries numbers, for the chart.
 *
 * @param annualPercentageRate 年化利率 (APR), the figure the page shows first and largest, e.g. {@code "12.00"}
 * @param effectiveAnnualRate  the compounded equivalent, shown beside the APR
 * @param monthlyRate          the nominal monthly rate (annual ÷ 12); regulation allows it only smaller than the APR
 * @param installmentAmount    the equal installment, or null where the method has none
 * @param chartJson            principal and interest per period as JSON, safe to place inside a script element
 */
record QuoteView(String annualPercentageRate, String effectiveAnnualRate, String monthlyRate,
                 String installmentAmount, String totalInterest, String totalRepayment, String principal,
                 List<Row> rows, String chartJson) {

    /** One schedule row as the table shows it. */
    record Row(int n, String dueDate, String principal, String interest, String total, String balanceAfter) {
    }

    static QuoteView of(ScheduleQuote quote, JsonMapper json) {
        Schedule schedule = quote.schedule();
        BigDecimal monthly = schedule.terms().annualInterestRatePercent()
                .divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP).stripTrailingZeros();
        List<Row> rows = schedule.installments().stream().map(QuoteView::row).toList();
        return new QuoteView(quote.annualPercentageRate(), quote.effectiveAnnualRate(),
                monthly.scale() < 2 ? monthly.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : monthly.toPlainString(),
                schedule.installmentAmount().map(QuoteView::money).orElse(null),
                money(schedule.totalInterest()), money(schedule.totalRepayment()),
                money(schedule.terms().principal()), rows, chartJson(schedule, json));
    }

    private static Row row(Installment i) {
        return new Row(i.n(), i.dueDate().toString(), money(i.principal()), money(i.interest()), money(i.total()),
                money(i.balanceAfter()));
    }

    /** Exact: {@link java.util.Formatter} formats a BigDecimal without going through double. */
    static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    private static String chartJson(Schedule schedule, JsonMapper json) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("periods", schedule.installments().stream().map(i -> String.valueOf(i.n())).toList());
        data.put("principal", schedule.installments().stream().map(Installment::principal).toList());
        data.put("interest", schedule.installments().stream().map(Installment::interest).toList());
        // "</" would end the script element early; JSON allows "\/" for "/".
        return json.writeValueAsString(data).replace("</", "<\\/");
    }
}
