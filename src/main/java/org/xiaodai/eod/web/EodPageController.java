package org.xiaodai.eod.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.eod.internal.EndOfDayRunner;
import org.xiaodai.eod.internal.EodProperties;
import org.xiaodai.eod.internal.EodRun;
import org.xiaodai.eod.internal.EodWork;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.Confirmation;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The end-of-day console (日终): the business date, closing it (after a confirmation, since a
 * closed date cannot be reopened), and the latest runs with the running one's progress, which
 * htmx refreshes every two seconds (the page works without it: reload).
 */
@Controller
@RequestMapping("/eod")
class EodPageController {

    private final EndOfDayRunner runner;
    private final EodWork work;
    private final EodProperties properties;
    private final PageProblems problems;

    EodPageController(EndOfDayRunner runner, EodWork work, EodProperties properties, PageProblems problems) {
        this.runner = runner;
        this.work = work;
        this.properties = properties;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('eod:view')")
    String page(Model model) {
        return show(model, "", FormErrors.none());
    }

    @GetMapping("/runs/{id}/progress")
    @PreAuthorize("hasAuthority('eod:view')")
    String progress(@PathVariable UUID id, Model model, jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response) {
        EodRun run = runner.find(id).orElseThrow(() -> ProblemException.notFound("eod-run"));
        model.addAttribute("run", EodRunView.of(run, runner.progress(run)));
        if (!run.running() && "true".equals(request.getHeader("HX-Request"))) {
            // the run is over: htmx reloads the whole page, which then shows the new business date and the runs table
            response.setHeader("HX-Refresh", "true");
        }
        return "eod/eod :: progress";
    }

    @PostMapping("/close")
    @PreAuthorize("hasAuthority('eod:run')")
    String close(@RequestParam(defaultValue = "") String through, @RequestParam(defaultValue = "") String confirm,
                 Model model, RedirectAttributes redirect) {
        CurrentUser caller = CurrentUsers.require();
        try {
            LocalDate target = parse(through);
            LocalDate businessDate = runner.businessDate(caller.organisationId());
            if (!Confirmation.confirmed(confirm)) {
                LocalDate last = target == null ? businessDate : target;
                model.addAttribute("confirmation", new Confirmation("eod.confirm.title", "eod.confirm.question",
                        List.of(businessDate.toString(), last.isBefore(businessDate) ? businessDate.toString() : last.toString()),
                        "/eod/close", Map.of("through", through), "eod.confirm.button", "/eod"));
                return Confirmation.VIEW;
            }
            EodRun run = work.start(caller.organisationId(), target, caller);
            redirect.addFlashAttribute("notice", "eod.started");
            return "redirect:/eod#run-" + run.id();
        } catch (ProblemException e) {
            return show(model, through, problems.errors(e));
        }
    }

    /** One run in the table, with its times as instants for the viewer's zone. */
    record Row(EodRunView view, Instant started, Instant finished) {
    }

    private static LocalDate parse(String through) {
        if (through.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(through.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("through", "date");
        }
    }

    private String show(Model model, String through, FormErrors errors) {
        CurrentUser caller = CurrentUsers.require();
        List<Row> runs = runner.recent(caller.organisationId(), 20).stream()
                .map(r -> new Row(EodRunView.of(r, runner.progress(r)), r.startedAt(), r.finishedAt())).toList();
        model.addAttribute("businessDate", runner.businessDate(caller.organisationId()).toString());
        model.addAttribute("schedule", properties.scheduled() ? properties.schedule() : null);
        model.addAttribute("runs", runs);
        model.addAttribute("running", runs.stream().map(Row::view)
                .filter(r -> r.status().equals(EodRun.RUNNING)).findFirst().orElse(null));
        model.addAttribute("canRun", caller.permissions().contains("eod:run"));
        model.addAttribute("through", through);
        model.addAttribute("errors", errors);
        return "eod/eod";
    }
}
