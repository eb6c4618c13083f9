package org.xiaodai.customer.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

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
import org.xiaodai.customer.CustomerKind;
import org.xiaodai.customer.internal.CustomerService;
import org.xiaodai.customer.internal.CustomerView;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.Violation;

/** Customer pages (客户): search, entry with live validation, the 360 view and the audited full view. */
@Controller
@RequestMapping("/customers")
class CustomerPageController {

    private final CustomerService customers;
    private final CustomerViewModel views;
    private final PageProblems problems;
    private final MessageSource messages;

    CustomerPageController(CustomerService customers, CustomerViewModel views, PageProblems problems,
                           MessageSource messages) {
        this.customers = customers;
        this.views = views;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customer:view')")
    String list(@RequestParam(required = false) String q, Model model) {
        CurrentUser caller = CurrentUsers.require();
        String term = q == null ? "" : q.strip();
        model.addAttribute("q", term.length() > 100 ? term.substring(0, 100) : term);
        model.addAttribute("customers", customers.search(caller, term.length() > 100 ? "" : term, 100));
        model.addAttribute("canManage", caller.permissions().contains("customer:manage"));
        return "customer/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('customer:manage')")
    String form(Model model) {
        return showForm(model, CustomerForm.empty(), FormErrors.none());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('customer:manage')")
    String create(@ModelAttribute CustomerForm form, Model model, RedirectAttributes redirect) {
        CustomerView created;
        try {
            created = customers.create(CurrentUsers.require(), form.toNewCustomer());
        } catch (ProblemException e) {
            return showForm(model, form, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "customer.created");
        return "redirect:/customers/" + created.id();
    }

    /** Live validation: the messages for one field of the form as typed so far (htmx, on change). */
    @PostMapping("/validate")
    @PreAuthorize("hasAuthority('customer:manage')")
    String validate(@ModelAttribute CustomerForm form, @RequestParam(defaultValue = "") String field, Model model) {
        String checked = List.of(CustomerForm.FIELDS).contains(field) ? field : "";
        Locale locale = LocaleContextHolder.getLocale();
        List<Violation> found = checked.isEmpty() ? List.of()
                : customers.check(CurrentUsers.require(), form.toNewCustomer()).stream()
                .filter(v -> v.field().equals(checked)).toList();
        model.addAttribute("field", checked);
        model.addAttribute("messages", found.stream()
                .map(v -> messages.getMessage(v.messageKey(), v.argsArray(), v.rule(), locale)).toList());
        model.addAttribute("blocking", found.stream().anyMatch(v -> !v.rule().equals("luhn")));
        return "customer/form :: check";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('customer:view')")
    String view(@PathVariable UUID id, Model model) {
        views.fill(model, CurrentUsers.require(), id, null);
        return "customer/view";
    }

    /** The full identifiers (customer:pii:view), audited; htmx swaps them into the 360 view. */
    @GetMapping("/{id}/pii")
    @PreAuthorize("hasAuthority('customer:pii:view')")
    String pii(@PathVariable UUID id, Model model, HttpServletRequest request) {
        CurrentUser caller = CurrentUsers.require();
        if ("true".equals(request.getHeader("HX-Request"))) {
            model.addAttribute("customer", customers.get(caller, id));
            model.addAttribute("pii", customers.pii(caller, id));
            return "customer/view :: identifiers";
        }
        views.fill(model, caller, id, customers.pii(caller, id));
        return "customer/view";
    }

    private String showForm(Model model, CustomerForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", CustomerKind.values());
        model.addAttribute("fieldNames", CustomerForm.FIELDS);
        return "customer/form";
    }
}
