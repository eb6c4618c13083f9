package org.xiaodai.calculator.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.DaysInMonth;
import org.xiaodai.calc.DaysInYear;
import org.xiaodai.calc.GradeTable;
import org.xiaodai.calc.InstallmentBasis;
import org.xiaodai.calc.InterestAccrual;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.RepaymentFrequency;
import org.xiaodai.calc.RoundingRule;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calculator.ScheduleQuote;
import org.xiaodai.calculator.ScheduleQuotes;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public loan calculator page (贷款计算器), for visitors and signed-in users alike. It computes
 * in-process through {@link ScheduleQuotes}. An htmx request ({@code HX-Request}) gets only the
 * calculator section back; a plain form POST gets the whole page, so it works without JavaScript.
 * Wrong input is shown beside its field, never as an error page. The same form carries the
 * "what if I pay late" fields ({@link ServicingSection}), answered on the same terms.
 */
@Controller
@PreAuthorize("permitAll()")
@RequestMapping("/calculator")
class CalculatorPageController {

    static final String PAGE = "calculator/calculator";
    static final String FRAGMENT = PAGE + " :: calculator";

    private final ScheduleQuotes quotes;
    private final PageProblems problems;
    private final JsonMapper json;
    private final Clock clock;
    private final RateBenchmark benchmark;
    private final ServicingSection servicing;

    CalculatorPageController(ScheduleQuotes quotes, PageProblems problems, JsonMapper json, Clock clock,
                             RateBenchmark benchmark, ServicingSection servicing) {
        this.benchmark = benchmark;
        this.quotes = quotes;
        this.problems = problems;
        this.json = json;
        this.clock = clock;
        this.servicing = servicing;
    }

    /** The form with the default terms, already answered, so a visitor sees what the page does. */
    @GetMapping
    String page(Model model) {
        return calculate(CalculatorForm.defaults(LocalDate.ofInstant(clock.instant(), clock.getZone())), null, model);
    }

    @PostMapping
    String submit(@ModelAttribute CalculatorForm form, @ModelAttribute("servicing") ServicingForm servicingForm,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                  HttpServletResponse response) {
        response.addHeader("Vary", "HX-Request");
        String view = calculate(form, servicingForm, model);
        return htmx != null ? FRAGMENT : view;
    }

    private String calculate(CalculatorForm form, ServicingForm servicingForm, Model model) {
        QuoteView result = null;
        FormErrors errors = FormErrors.none();
        LoanTerms terms = null;
        Schedule schedule = null;
        try {
            terms = form.toTerms();
            ScheduleQuote quote = quotes.quote(terms);
            schedule = quote.schedule();
            result = QuoteView.of(quote, json);
        } catch (ProblemException e) {
            errors = problems.errors(e, "calculator.error");
            terms = null;
        }
        model.addAttribute("benchmark", result == null ? null : benchmark.check(result.annualPercentageRate()));
        servicing.addTo(model, servicingForm, terms, schedule);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("advancedOpen", form.advancedChanged()
                || CalculatorForm.ADVANCED_FIELDS.stream().anyMatch(errors::has));
        model.addAttribute("fieldNames", fieldNames());
        addChoices(model);
        return PAGE;
    }

    private static void addChoices(Model model) {
        model.addAttribute("frequencies", List.of(RepaymentFrequency.MONTHS, RepaymentFrequency.WEEKS, RepaymentFrequency.DAYS));
        model.addAttribute("amortizations", Amortization.values());
        model.addAttribute("interestMethods", InterestMethod.values());
        model.addAttribute("accruals", InterestAccrual.values());
        model.addAttribute("installmentBases", InstallmentBasis.values());
        model.addAttribute("daysInYears", Arrays.stream(DaysInYear.values()).map(DaysInYear::code).toList());
        model.addAttribute("daysInMonths", Arrays.stream(DaysInMonth.values()).map(DaysInMonth::code).toList());
        model.addAttribute("roundingModes", RoundingRule.values());
        model.addAttribute("gradeTables", GradeTable.values());
    }

    /** Every field the form shows; problems about anything else go into the summary above it. */
    private static String[] fieldNames() {
        return Stream.concat(
                Stream.of("principal", "annualInterestRatePercent", "numberOfRepayments", "repaymentEvery",
                        "repaymentFrequency", "amortization", "disbursementDate", "firstRepaymentDate"),
                CalculatorForm.ADVANCED_FIELDS.stream()).toArray(String[]::new);
    }
}
