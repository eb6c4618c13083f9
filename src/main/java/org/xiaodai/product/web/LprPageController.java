package org.xiaodai.product.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.product.internal.LprTable;
import org.xiaodai.product.internal.ProductProperties;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.DecimalNumber;

/** The LPR table page (LPR 利率表) with the rate benchmark per publication; the platform operator publishes new rates here. */
@Controller
@RequestMapping("/lpr")
class LprPageController {

    private final LprTable table;
    private final ProductProperties properties;
    private final PageProblems problems;

    LprPageController(LprTable table, ProductProperties properties, PageProblems problems) {
        this.table = table;
        this.properties = properties;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('product:lpr:view')")
    String list(Model model) {
        return show(model, "", "", "", FormErrors.none());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('product:lpr:manage')")
    String publish(@RequestParam(defaultValue = "") String effectiveDate, @RequestParam(defaultValue = "") String oneYearPercent,
                   @RequestParam(defaultValue = "") String fiveYearPercent, Model model, RedirectAttributes redirect) {
        try {
            List<FieldProblem> unreadable = new ArrayList<>();
            LocalDate date = date(unreadable, effectiveDate);
            BigDecimal oneYear = decimal(unreadable, "oneYearPercent", oneYearPercent);
            BigDecimal fiveYear = fiveYearPercent.isBlank() ? null : decimal(unreadable, "fiveYearPercent", fiveYearPercent);
            if (!unreadable.isEmpty()) {
                throw ProblemException.invalid(unreadable);
            }
            table.add(CurrentUsers.require(), new LprTable.Lpr(date, oneYear, fiveYear));
        } catch (ProblemException e) {
            return show(model, effectiveDate, oneYearPercent, fiveYearPercent, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "product.lpr.published");
        return "redirect:/lpr";
    }

    /** One row of the table: a publication and the benchmark it sets. */
    public record Line(String effectiveDate, String oneYearPercent, String fiveYearPercent, String capPercent) {
    }

    private String show(Model model, String date, String oneYear, String fiveYear, FormErrors errors) {
        BigDecimal multiple = properties.rateCapLprMultiple();
        model.addAttribute("rows", table.all().stream().map(r -> new Line(r.effectiveDate().toString(),
                r.oneYearPercent().toPlainString(), r.fiveYearPercent() == null ? null : r.fiveYearPercent().toPlainString(),
                LprTable.percent(r.oneYearPercent().multiply(multiple)).toPlainString())).toList());
        model.addAttribute("multiple", properties.rateCapLprMultiple().stripTrailingZeros().toPlainString());
        model.addAttribute("canPublish", CurrentUsers.require().permissions().contains("product:lpr:manage"));
        model.addAttribute("form", new String[] {date, oneYear, fiveYear});
        model.addAttribute("errors", errors);
        return "product/lpr";
    }

    private static LocalDate date(List<FieldProblem> problems, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of("effectiveDate", value.isBlank() ? "required" : "date"));
            return null;
        }
    }

    private static BigDecimal decimal(List<FieldProblem> problems, String field, String value) {
        if (value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        var result = DecimalNumber.validate(value);
        result.errors().forEach(v -> problems.add(new FieldProblem(field, v.rule(), v.messageKey(), v.args())));
        return result.toOptional().orElse(null);
    }
}
