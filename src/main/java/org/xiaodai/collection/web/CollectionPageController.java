package org.xiaodai.collection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.xiaodai.collection.domain.Bucket;
import org.xiaodai.collection.domain.ContactChannel;
import org.xiaodai.collection.domain.ContactOutcome;
import org.xiaodai.collection.internal.Assignment;
import org.xiaodai.collection.internal.CaseQueries;
import org.xiaodai.collection.internal.CaseViews;
import org.xiaodai.collection.internal.CaseWork;
import org.xiaodai.collection.internal.ContactLog;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.PageResult;

/** The collection pages: the queue by bucket (with statistics and assignment) and the case view with its forms. */
@Controller
@RequestMapping("/collections")
class CollectionPageController {

    private final CaseQueries queries;
    private final ContactLog contacts;
    private final CaseWork work;
    private final Assignment assignment;
    private final PageProblems problems;
    private final MessageSource messages;
    private final Clock clock;

    CollectionPageController(CaseQueries queries, ContactLog contacts, CaseWork work, Assignment assignment,
                             PageProblems problems, MessageSource messages, Clock clock) {
        this.queries = queries;
        this.contacts = contacts;
        this.work = work;
        this.assignment = assignment;
        this.problems = problems;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('collection:work')")
    String queue(@ModelAttribute("list") ListRequest list, @RequestParam(required = false) String bucket,
                 @RequestParam(required = false) String status, Model model) {
        CurrentUser caller = CurrentUsers.require();
        Bucket chosen = Bucket.parse(bucket).orElse(null);
        String shownStatus = "CLOSED".equals(status) ? "CLOSED" : "OPEN";
        PageResult<CaseViews.CaseSummary> page = queries.queue(caller, new CaseQueries.Filter(chosen, shownStatus, null),
                list.toQuery(CaseQueries.SORTING));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("bucket", chosen == null ? "" : chosen.name());
        filters.put("status", shownStatus.equals("OPEN") ? "" : shownStatus);
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of("/collections", page, filters));
        model.addAttribute("cases", page.items());
        model.addAttribute("bucket", chosen == null ? "" : chosen.name());
        model.addAttribute("status", shownStatus);
        model.addAttribute("buckets", Bucket.values());
        boolean canManage = caller.permissions().contains("collection:manage");
        model.addAttribute("canManage", canManage);
        model.addAttribute("collectors", canManage ? assignment.collectors() : List.of());
        model.addAttribute("statistics", caller.permissions().contains("collection:statistics")
                ? queries.statistics(caller) : null);
        return "collection/queue";
    }

    @PostMapping("/assignments")
    @PreAuthorize("hasAuthority('collection:manage')")
    String assignAll(@RequestParam(required = false) String mode, RedirectAttributes redirect) {
        try {
            Assignment.Mode chosen = "BY_BRANCH".equals(mode) ? Assignment.Mode.BY_BRANCH : Assignment.Mode.ROUND_ROBIN;
            assignment.assignUnassigned(CurrentUsers.require(), chosen);
            redirect.addFlashAttribute("notice", "collection.assigned");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashErrors", problems.errors(e).otherThan());
        }
        return "redirect:/collections";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('collection:work')")
    String view(@PathVariable UUID id, Model model) {
        CurrentUser caller = CurrentUsers.require();
        CaseViews.CaseDetail detail = queries.detail(caller, id);
        model.addAttribute("detail", detail);
        model.addAttribute("c", detail.summary());
        model.addAttribute("channels", ContactChannel.values());
        model.addAttribute("outcomes", ContactOutcome.values());
        boolean canManage = caller.permissions().contains("collection:manage");
        model.addAttribute("canManage", canManage);
        model.addAttribute("collectors", canManage ? assignment.collectors() : List.of());
        return "collection/case";
    }

    @PostMapping("/{id}/contacts")
    @PreAuthorize("hasAuthority('collection:work')")
    String contact(@PathVariable UUID id, @RequestParam(required = false) String contactId,
                   @RequestParam(required = false) String channel, @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, "collection.contact.logged",
                () -> contacts.record(CurrentUsers.require(), id, new ContactLog.NewContact(contactId, channel, outcome, note), clock));
    }

    @PostMapping("/{id}/promises")
    @PreAuthorize("hasAuthority('collection:work')")
    String promise(@PathVariable UUID id, @RequestParam(required = false) String amount,
                   @RequestParam(required = false) String promisedDate, @RequestParam(required = false) String note,
                   RedirectAttributes redirect) {
        return act(id, redirect, "collection.promise.made", () -> work.promise(CurrentUsers.require(), id,
                new CaseWork.NewPromise(amount, date(promisedDate), note)));
    }

    @PostMapping("/{id}/flags")
    @PreAuthorize("hasAuthority('collection:manage')")
    String flags(@PathVariable UUID id, @RequestParam(required = false) String escalated,
                 @RequestParam(required = false) String escalationReason, @RequestParam(required = false) String outsourced,
                 @RequestParam(required = false) String outsourcedAgency, RedirectAttributes redirect) {
        return act(id, redirect, "collection.flags.saved", () -> work.flags(CurrentUsers.require(), id,
                new CaseWork.Flags("on".equals(escalated) || "true".equals(escalated), escalationReason,
                        "on".equals(outsourced) || "true".equals(outsourced), outsourcedAgency)));
    }

    @PostMapping("/{id}/quiet-hours-consent")
    @PreAuthorize("hasAuthority('collection:work')")
    String consent(@PathVariable UUID id, @RequestParam(required = false) String given, RedirectAttributes redirect) {
        return act(id, redirect, "collection.consent.saved",
                () -> work.quietHoursConsent(CurrentUsers.require(), id, "true".equals(given)));
    }

    @PostMapping("/{id}/assignment")
    @PreAuthorize("hasAuthority('collection:manage')")
    String assign(@PathVariable UUID id, @RequestParam(required = false) String collectorId, RedirectAttributes redirect) {
        return act(id, redirect, "collection.assigned", () -> {
            UUID collector;
            try {
                collector = UUID.fromString(collectorId == null ? "" : collectorId.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("collectorId", "format");
            }
            return assignment.assign(CurrentUsers.require(), id, collector);
        });
    }

    /** Runs a case action; a refusal or bad input comes back to the case view as messages. A foreign id stays a 404. */
    private String act(UUID id, RedirectAttributes redirect, String notice, java.util.function.Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            List<String> errors = new ArrayList<>(problems.errors(e).otherThan());
            if (e.properties().containsKey("rule")) {
                Locale locale = LocaleContextHolder.getLocale();
                errors.add(messages.getMessage("problem." + e.code() + ".detail", null, e.code(), locale));
            }
            redirect.addFlashAttribute("flashErrors", errors);
        }
        return "redirect:/collections/" + id;
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("promisedDate", "format");
        }
    }
}
