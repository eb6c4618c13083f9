package org.xiaodai.supervision.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.supervision.internal.ComplaintService;

/** The complaint workbench: the list with statistics and the filing form; one complaint with its answers. */
@Controller
@RequestMapping("/complaints")
class ComplaintPageController {

    private final ComplaintService complaints;
    private final InstitutionDirectory directory;
    private final PageProblems problems;

    ComplaintPageController(ComplaintService complaints, InstitutionDirectory directory, PageProblems problems) {
        this.complaints = complaints;
        this.directory = directory;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('supervision:complaint:view')")
    String list(@ModelAttribute ListRequest request, @RequestParam(required = false) String status, Model model) {
        return showList(request, status, model, FormErrors.none(), Map.of());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('supervision:complaint:file')")
    String file(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var filed = complaints.file(CurrentUsers.require(), new ComplaintService.ComplaintInput(form.get("institutionId"),
                    form.get("category"), form.get("subject"), form.get("description"), form.get("complainantName"),
                    form.get("responseDue")));
            redirect.addFlashAttribute("notice", "supervision.complaint.filed");
            return "redirect:/complaints/" + filed.id();
        } catch (ProblemException e) {
            return showList(ListRequest.none(), null, model, problems.errors(e), form);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('supervision:complaint:view')")
    String detail(@PathVariable String id, Model model) {
        return show(parse(id), model, FormErrors.none());
    }

    @PostMapping("/{id}/respond")
    @PreAuthorize("hasAuthority('supervision:complaint:respond')")
    String respond(@PathVariable String id, @RequestParam(required = false) String response, Model model,
                   RedirectAttributes redirect) {
        UUID complaint = parse(id);
        return act(complaint, model, redirect, () -> complaints.respond(CurrentUsers.require(), complaint, response));
    }

    @PostMapping("/{id}/resolve")
    @PreAuthorize("hasAuthority('supervision:complaint:resolve')")
    String resolve(@PathVariable String id, @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) String resolution, Model model, RedirectAttributes redirect) {
        UUID complaint = parse(id);
        return act(complaint, model, redirect, () -> complaints.resolve(CurrentUsers.require(), complaint, outcome, resolution));
    }

    private String act(UUID complaint, Model model, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            return show(complaint, model, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "supervision.complaint.saved");
        return "redirect:/complaints/" + complaint;
    }

    private String showList(ListRequest request, String status, Model model, FormErrors errors, Map<String, String> typed) {
        CurrentUser caller = CurrentUsers.require();
        var page = complaints.page(caller, request.toQuery(ComplaintService.SORTING), status);
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of("/complaints", page, status == null ? Map.of() : Map.of("status", status)));
        model.addAttribute("status", status);
        model.addAttribute("statistics", complaints.statistics(caller));
        model.addAttribute("institutions", caller.isRegulator() ? directory.lenders() : java.util.List.of());
        model.addAttribute("canFile", caller.permissions().contains("supervision:complaint:file"));
        model.addAttribute("regulator", caller.isRegulator());
        model.addAttribute("categories", ComplaintService.Category.values());
        model.addAttribute("statuses", ComplaintService.Status.values());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "supervision/complaints";
    }

    private String show(UUID id, Model model, FormErrors errors) {
        CurrentUser caller = CurrentUsers.require();
        model.addAttribute("detail", complaints.detail(caller, id));
        model.addAttribute("canRespond", caller.permissions().contains("supervision:complaint:respond"));
        model.addAttribute("canResolve", caller.permissions().contains("supervision:complaint:resolve"));
        model.addAttribute("outcomes", ComplaintService.Outcome.values());
        model.addAttribute("errors", errors);
        return "supervision/complaint";
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("complaint");
        }
    }
}
