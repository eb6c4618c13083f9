package org.xiaodai.reporting.web;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.reporting.internal.ReturnExports;
import org.xiaodai.reporting.internal.ReturnService;
import org.xiaodai.reporting.internal.ReturnViews.Rejection;
import org.xiaodai.reporting.internal.ReturnViews.ReturnDetail;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

/**
 * The institution's reporting console (generate, review data quality with drill-down, download,
 * submit, see receipts, correct and resubmit) and the regulator's submission inbox (review a
 * return, accept it or reject rows with reasons). One return page serves both: the institution's
 * actions or the regulator's receipt form, as the caller may.
 */
@Controller
class ReportingPageController {

    private final ReturnService returns;
    private final ReturnExports exports;
    private final InstitutionDirectory directory;
    private final BusinessDate businessDate;
    private final PageProblems problems;

    ReportingPageController(ReturnService returns, ReturnExports exports, InstitutionDirectory directory,
                            BusinessDate businessDate, PageProblems problems) {
        this.returns = returns;
        this.exports = exports;
        this.directory = directory;
        this.businessDate = businessDate;
        this.problems = problems;
    }

    @GetMapping("/reporting")
    @PreAuthorize("hasAuthority('reporting:return:view')")
    String console(Model model) {
        return showConsole(model, FormErrors.none(), null);
    }

    @PostMapping("/reporting/returns")
    @PreAuthorize("hasAuthority('reporting:return:generate')")
    String generate(@RequestParam(required = false) String period, Model model, RedirectAttributes redirect) {
        try {
            ReturnDetail detail = returns.generate(CurrentUsers.require(), period);
            redirect.addFlashAttribute("notice", "reporting.generated");
            return "redirect:/reporting/returns/" + detail.id();
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return showConsole(model, problems.errors(e), period);
        }
    }

    private String showConsole(Model model, FormErrors errors, String period) {
        CurrentUser caller = CurrentUsers.require();
        YearMonth due = YearMonth.from(businessDate.of(caller.organisationId())).minusMonths(1);
        model.addAttribute("returns", returns.list());
        model.addAttribute("suggested", period == null ? due.toString() : period);
        model.addAttribute("duePeriod", due.toString());
        model.addAttribute("dueOn", ReturnService.dueOn(due));
        model.addAttribute("canGenerate", caller.permissions().contains("reporting:return:generate"));
        model.addAttribute("errors", errors);
        return "reporting/console";
    }

    @GetMapping("/reporting/returns/{id}")
    @PreAuthorize("hasAnyAuthority('reporting:return:view', 'reporting:submission:view')")
    String show(@PathVariable String id, @RequestParam(required = false) String rule, Model model) {
        return showReturn(parse(id), rule, model, FormErrors.none());
    }

    private String showReturn(UUID id, String rule, Model model, FormErrors errors) {
        CurrentUser caller = CurrentUsers.require();
        ReturnDetail detail = returns.detail(id);
        model.addAttribute("r", detail);
        model.addAttribute("rule", rule);
        model.addAttribute("failures", rule == null || rule.isBlank() || rule.length() > 100 ? List.of()
                : returns.failures(id, rule));
        model.addAttribute("firstRows", exports.details(id, 1, 20));
        model.addAttribute("canSubmit", caller.permissions().contains("reporting:return:submit")
                && detail.status().equals("GENERATED"));
        model.addAttribute("canRegenerate", caller.permissions().contains("reporting:return:generate")
                && (detail.status().equals("REJECTED") || detail.status().equals("GENERATED"))
                && detail.versions().getFirst().id().equals(id));
        model.addAttribute("canReceive", caller.permissions().contains("reporting:submission:receipt")
                && detail.status().equals("SUBMITTED"));
        model.addAttribute("regulator", caller.isRegulator());
        model.addAttribute("errors", errors);
        return "reporting/return";
    }

    @GetMapping("/reporting/returns/{id}/download")
    @PreAuthorize("hasAnyAuthority('reporting:return:view', 'reporting:submission:view')")
    ResponseEntity<?> download(@PathVariable String id, @RequestParam(required = false) String part,
                               @RequestParam(required = false) String format, HttpServletResponse response)
            throws IOException {
        UUID returnId = parse(id);
        String f = ReturnApiController.format(format);
        ReturnDetail detail = returns.detail(returnId);
        boolean loans = "loan-details".equals(part);
        String name = (loans ? "loan-details-" : "return-") + detail.header().period() + "-v" + detail.header().version();
        if (loans) {
            // every row, streamed to the response (JSON too: the whole detail as one array, unlike the paged API)
            return switch (f) {
                case "csv" -> ReturnApiController.stream(response, ReturnApiController.CSV, name + ".csv",
                        out -> exports.writeDetailsCsv(returnId, out));
                case "xlsx" -> ReturnApiController.stream(response, ReturnApiController.XLSX, name + ".xlsx",
                        out -> exports.writeDetailsXlsx(returnId, out));
                case "xml" -> ReturnApiController.stream(response, MediaType.APPLICATION_XML, name + ".xml",
                        out -> exports.writeDetailsXml(detail.header(), out));
                default -> ReturnApiController.stream(response, MediaType.APPLICATION_JSON, name + ".json",
                        out -> exports.writeDetailsJson(returnId, out));
            };
        }
        return switch (f) {
            case "csv" -> ReturnApiController.file(exports.returnCsv(detail), ReturnApiController.CSV, name + ".csv");
            case "xlsx" -> ReturnApiController.file(exports.returnXlsx(detail), ReturnApiController.XLSX, name + ".xlsx");
            case "xml" -> ReturnApiController.file(exports.returnXml(detail), MediaType.APPLICATION_XML, name + ".xml");
            default -> ResponseEntity.ok(detail);
        };
    }

    @PostMapping("/reporting/returns/{id}/submit")
    @PreAuthorize("hasAuthority('reporting:return:submit')")
    String submit(@PathVariable String id, Model model, RedirectAttributes redirect) {
        UUID returnId = parse(id);
        try {
            returns.submit(CurrentUsers.require(), returnId);
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            return showReturn(returnId, null, model, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "reporting.submitted");
        return "redirect:/reporting/returns/" + returnId;
    }

    @GetMapping("/supervision/submissions")
    @PreAuthorize("hasAuthority('reporting:submission:view')")
    String inbox(@RequestParam(required = false) String status, Model model) {
        String s = status != null && List.of("SUBMITTED", "ACCEPTED", "REJECTED").contains(status) ? status : null;
        model.addAttribute("items", returns.inbox(s));
        model.addAttribute("late", returns.late(directory.lenders()));
        model.addAttribute("status", s);
        return "reporting/inbox";
    }

    /** The receipt form: {@code rejections} holds one rejected row per line, {@code row: reason}. */
    @PostMapping("/supervision/submissions/{id}/receipt")
    @PreAuthorize("hasAuthority('reporting:submission:receipt')")
    String receipt(@PathVariable String id, @RequestParam(required = false) String decision,
                   @RequestParam(required = false) String note, @RequestParam(required = false) String rejections,
                   Model model, RedirectAttributes redirect) {
        UUID returnId = parse(id);
        try {
            Boolean accepted = "accept".equals(decision) ? Boolean.TRUE : "reject".equals(decision) ? Boolean.FALSE : null;
            returns.receipt(CurrentUsers.require(), returnId, accepted, note, rows(rejections));
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            return showReturn(returnId, null, model, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "reporting.received");
        return "redirect:/reporting/returns/" + returnId;
    }

    static List<Rejection> rows(String text) {
        List<Rejection> rows = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return rows;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length && i <= 1000; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[:：]", 2);
            try {
                rows.add(new Rejection(Integer.parseInt(parts[0].strip()), parts.length > 1 ? parts[1].strip() : ""));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("rejections", "rejectionLine", i + 1);
            }
        }
        return rows;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("return");
        }
    }
}
