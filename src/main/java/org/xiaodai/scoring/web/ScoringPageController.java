package org.xiaodai.scoring.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.scoring.Purpose;
import org.xiaodai.scoring.internal.ModelLifecycle;
import org.xiaodai.scoring.internal.ModelViews;
import org.xiaodai.scoring.internal.Retraining;
import org.xiaodai.scoring.internal.ScoringModels;
import org.xiaodai.scoring.internal.StabilityMonitor;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The risk manager's pages (风控): the model list with the upload form for retraining, and one
 * model with its points table, charts (bins and points per variable, ROC, KS, score distribution,
 * PSI over time) and the approve and activate buttons for those allowed to press them.
 */
@Controller
@RequestMapping("/scoring/models")
class ScoringPageController {

    private static final long MAX_UPLOAD = 8L * 1024 * 1024;

    private final ScoringModels models;
    private final ModelLifecycle lifecycle;
    private final Retraining retraining;
    private final StabilityMonitor stability;
    private final PageProblems problems;

    ScoringPageController(ScoringModels models, ModelLifecycle lifecycle, Retraining retraining, StabilityMonitor stability,
            PageProblems problems) {
        this.models = models;
        this.lifecycle = lifecycle;
        this.retraining = retraining;
        this.stability = stability;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('scoring:model:view')")
    String list(Model model) {
        return showList(model, FormErrors.none());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('scoring:model:build')")
    String train(@RequestParam(required = false) String name, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String targetColumn, @RequestParam(required = false) MultipartFile file,
            Model model, RedirectAttributes redirect) {
        try {
            ModelViews.ModelSummary started = retraining.start(new Retraining.Request(required("name", name, 60),
                    purpose(purpose), required("targetColumn", targetColumn, 60), csv(file)));
            redirect.addFlashAttribute("notice", "scoring.models.trainingStarted");
            return "redirect:/scoring/models/" + started.id();
        } catch (ProblemException e) {
            return showList(model, problems.errors(e));
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('scoring:model:view')")
    String detail(@PathVariable UUID id, Model model) {
        return showDetail(id, model, FormErrors.none());
    }

    /** The progress bar of a model in training, polled by htmx until it is done. */
    @GetMapping("/{id}/progress")
    @PreAuthorize("hasAuthority('scoring:model:view')")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("m", models.get(id).summary());
        return "scoring/model :: progress";
    }

    @PostMapping("/{id}/approval")
    @PreAuthorize("hasAuthority('scoring:model:approve')")
    String approve(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            lifecycle.approve(id);
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            return showDetail(id, model, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "scoring.model.approved");
        return "redirect:/scoring/models/" + id;
    }

    @PostMapping("/{id}/activation")
    @PreAuthorize("hasAuthority('scoring:model:approve')")
    String activate(@PathVariable UUID id, @RequestParam(required = false) String productId,
            @RequestParam(required = false) String role, Model model, RedirectAttributes redirect) {
        try {
            lifecycle.activate(id, product(productId), role(role));
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            return showDetail(id, model, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "scoring.model.activated");
        return "redirect:/scoring/models/" + id;
    }

    private String showList(Model model, FormErrors errors) {
        model.addAttribute("models", models.list());
        model.addAttribute("alerts", stability.alerts());
        model.addAttribute("canBuild", CurrentUsers.require().permissions().contains("scoring:model:build"));
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("errors", errors);
        return "scoring/models";
    }

    private String showDetail(UUID id, Model model, FormErrors errors) {
        ModelViews.ModelDetail detail = models.get(id);
        List<StabilityMonitor.Check> history = stability.history(id);
        var user = CurrentUsers.require();
        model.addAttribute("d", detail);
        model.addAttribute("m", detail.summary());
        model.addAttribute("history", history);
        model.addAttribute("chartJson", ScoringCharts.json(detail, history));
        model.addAttribute("canApprove", user.permissions().contains("scoring:model:approve"));
        model.addAttribute("roles", ModelLifecycle.Role.values());
        model.addAttribute("errors", errors);
        return "scoring/model";
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ModelLifecycle.invalidField(field, "required", "problem.field.required");
        }
        if (value.length() > max) {
            throw ModelLifecycle.invalidField(field, "size", "scoring.problem.tooLong");
        }
        return value.trim();
    }

    private static Purpose purpose(String value) {
        try {
            return Purpose.valueOf(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw ModelLifecycle.invalidField("purpose", "oneOf", "scoring.problem.purpose");
        }
    }

    private static ModelLifecycle.Role role(String value) {
        try {
            return ModelLifecycle.Role.valueOf(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw ModelLifecycle.invalidField("role", "oneOf", "scoring.problem.role");
        }
    }

    private static UUID product(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ModelLifecycle.invalidField("productId", "format", "problem.field.format");
        }
    }

    private static String csv(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ModelLifecycle.invalidField("file", "required", "problem.field.required");
        }
        if (file.getSize() > MAX_UPLOAD) {
            throw ModelLifecycle.invalidField("file", "max", "problem.field.max");
        }
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ModelLifecycle.invalidField("file", "invalid", "problem.field.invalid");
        }
    }
}
