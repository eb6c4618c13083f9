package org.xiaodai.supervision.web;

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
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.supervision.internal.InspectionService;

/** Inspections: the list and the regulator's form for a new one; one inspection with findings and follow-up. */
@Controller
@RequestMapping("/supervision/inspections")
class InspectionPageController {

    private final InspectionService inspections;
    private final InstitutionDirectory directory;
    private final PageProblems problems;

    InspectionPageController(InspectionService inspections, InstitutionDirectory directory, PageProblems problems) {
        this.inspections = inspections;
        this.directory = directory;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('supervision:view', 'supervision:own:view')")
    String list(Model model) {
        return showList(model, FormErrors.none());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('supervision:manage')")
    String open(@RequestParam(required = false) String institutionId, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String title, @RequestParam(required = false) String scopeNote,
                @RequestParam(required = false) String startedOn, Model model, RedirectAttributes redirect) {
        try {
            var opened = inspections.open(CurrentUsers.require(), new InspectionService.InspectionInput(institutionId, kind,
                    title, scopeNote, startedOn));
            redirect.addFlashAttribute("notice", "supervision.inspection.opened");
            return "redirect:/supervision/inspections/" + opened.id();
        } catch (ProblemException e) {
            return showList(model, problems.errors(e));
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('supervision:view', 'supervision:own:view')")
    String detail(@PathVariable String id, Model model) {
        return show(parse(id), model, FormErrors.none());
    }

    @PostMapping("/{id}/findings")
    @PreAuthorize("hasAuthority('supervision:manage')")
    String finding(@PathVariable String id, @RequestParam(required = false) String severity,
                   @RequestParam(required = false) String description, @RequestParam(required = false) String rectificationDue,
                   Model model, RedirectAttributes redirect) {
        UUID inspection = parse(id);
        return act(inspection, model, redirect, () -> inspections.addFinding(CurrentUsers.require(), inspection,
                new InspectionService.FindingInput(severity, description, rectificationDue)));
    }

    @PostMapping("/{id}/findings/{findingId}/rectification")
    @PreAuthorize("hasAuthority('supervision:inspection:rectify')")
    String rectify(@PathVariable String id, @PathVariable String findingId, @RequestParam(required = false) String note,
                   Model model, RedirectAttributes redirect) {
        UUID inspection = parse(id);
        return act(inspection, model, redirect, () -> inspections.reportRectification(CurrentUsers.require(), inspection,
                parse(findingId), note));
    }

    @PostMapping("/{id}/findings/{findingId}/verification")
    @PreAuthorize("hasAuthority('supervision:manage')")
    String verify(@PathVariable String id, @PathVariable String findingId, @RequestParam(required = false) String accepted,
                  @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        UUID inspection = parse(id);
        return act(inspection, model, redirect, () -> inspections.verify(CurrentUsers.require(), inspection,
                parse(findingId), !"false".equals(accepted), note));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('supervision:manage')")
    String close(@PathVariable String id, @RequestParam(required = false) String endedOn, Model model,
                 RedirectAttributes redirect) {
        UUID inspection = parse(id);
        return act(inspection, model, redirect, () -> inspections.close(CurrentUsers.require(), inspection, endedOn));
    }

    private String act(UUID inspection, Model model, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            return show(inspection, model, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "supervision.inspection.saved");
        return "redirect:/supervision/inspections/" + inspection;
    }

    private String showList(Model model, FormErrors errors) {
        CurrentUser caller = CurrentUsers.require();
        model.addAttribute("inspections", inspections.list(caller, null));
        model.addAttribute("institutions", directory.lenders());
        model.addAttribute("canManage", caller.permissions().contains("supervision:manage"));
        model.addAttribute("kinds", InspectionService.Kind.values());
        model.addAttribute("errors", errors);
        return "supervision/inspections";
    }

    private String show(UUID id, Model model, FormErrors errors) {
        CurrentUser caller = CurrentUsers.require();
        model.addAttribute("detail", inspections.detail(caller, id));
        model.addAttribute("canManage", caller.permissions().contains("supervision:manage"));
        model.addAttribute("canRectify", caller.permissions().contains("supervision:inspection:rectify"));
        model.addAttribute("severities", InspectionService.Severity.values());
        model.addAttribute("errors", errors);
        return "supervision/inspection";
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("inspection");
        }
    }
}
