package org.xiaodai.calculator.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calculator.ServicingQuotes;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The "what if I pay late" section of the calculator page: the loan of the calculator's terms,
 * repaid as the visitor says, seen on a date, by {@link ServicingQuotes}. Problems appear beside
 * the section's fields; one about a repayment line says which line. Problems about the terms are
 * left to the calculator's own fields.
 */
@Component
class ServicingSection {

    private static final Pattern EVENT = Pattern.compile("events\\[(\\d+)]\\..*|events\\[(\\d+)]");

    private final ServicingQuotes quotes;
    private final PageProblems problems;
    private final MessageSource messages;

    ServicingSection(ServicingQuotes quotes, PageProblems problems, MessageSource messages) {
        this.quotes = quotes;
        this.problems = problems;
        this.messages = messages;
    }

    /**
     * Adds {@code servicing} (the fields), {@code servicingErrors} and {@code servicingResult} (null when
     * the terms or the fields are wrong) to the model.
     *
     * @param terms the calculator's terms, or null when they are wrong
     * @param schedule their schedule, or null
     */
    void addTo(Model model, ServicingForm submitted, LoanTerms terms, Schedule schedule) {
        ServicingForm form = submitted == null || submitted.isEmpty()
                ? (schedule != null ? ServicingForm.example(schedule) : new ServicingForm(null, null, "1.5", "0", null, "DPD_DEFAULT"))
                : submitted;
        ServicingView result = null;
        FormErrors errors = FormErrors.none();
        if (terms != null) {
            try {
                result = ServicingView.of(quotes.position(form.toRequest(terms)));
            } catch (ProblemException e) {
                List<FieldProblem> own = e.fieldProblems().stream().filter(f -> !f.field().startsWith("terms.")).toList();
                errors = own.isEmpty() ? FormErrors.none() : pageErrors(problems.errors(ProblemException.invalid(own)));
            }
        }
        model.addAttribute("servicing", form);
        model.addAttribute("servicingErrors", errors);
        model.addAttribute("servicingResult", result);
    }

    /** policy.graceDays → graceDays; events[i].* → repayments, prefixed by the line number. */
    private FormErrors pageErrors(FormErrors errors) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        errors.fields().forEach((field, texts) -> {
            Matcher event = EVENT.matcher(field);
            if (event.matches()) {
                String index = event.group(1) != null ? event.group(1) : event.group(2);
                String line = String.valueOf(Integer.parseInt(index) + 1);
                texts.forEach(t -> fields.computeIfAbsent("repayments", k -> new ArrayList<>())
                        .add(messages.getMessage("calculator.servicing.line", new Object[] {line, t}, locale)));
            } else {
                fields.computeIfAbsent(field.replaceFirst("^policy\\.", ""), k -> new ArrayList<>()).addAll(texts);
            }
        });
        return new FormErrors(fields, errors.general());
    }
}
