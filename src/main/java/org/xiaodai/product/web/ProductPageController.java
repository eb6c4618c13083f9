package org.xiaodai.product.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.calc.Amortization;
import org.xiaodai.calc.DaysInMonth;
import org.xiaodai.calc.DaysInYear;
import org.xiaodai.calc.InstallmentBasis;
import org.xiaodai.calc.InterestAccrual;
import org.xiaodai.calc.InterestMethod;
import org.xiaodai.calc.RepaymentFrequency;
import org.xiaodai.calc.RoundingRule;
import org.xiaodai.iam.BranchDirectory;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.product.ClassificationTable;
import org.xiaodai.product.DocumentType;
import org.xiaodai.product.FeeCharge;
import org.xiaodai.product.FeeKind;
import org.xiaodai.product.ProductType;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.SecurityType;
import org.xiaodai.product.internal.ProductBody;
import org.xiaodai.product.internal.ProductCatalogue;
import org.xiaodai.product.internal.ProductJson;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The product pages (产品管理): the catalogue with each product's annualised rate range first and
 * largest (PBOC 公告〔2021〕第3号: never a monthly rate more prominent), one product with its
 * versions, and the form that creates a product or its next version with a live preview of the
 * annualised rate range and the benchmark (htmx posts the form to {@code /products/preview}).
 */
@Controller
@RequestMapping("/products")
class ProductPageController {

    private final ProductCatalogue catalogue;
    private final BranchDirectory branches;
    private final PageProblems problems;

    ProductPageController(ProductCatalogue catalogue, BranchDirectory branches, PageProblems problems) {
        this.catalogue = catalogue;
        this.branches = branches;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('product:view')")
    String list(Model model) {
        model.addAttribute("products", catalogue.list());
        model.addAttribute("canManage", CurrentUsers.require().permissions().contains("product:manage"));
        return "product/products";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('product:view')")
    String detail(@PathVariable UUID id, @RequestParam(required = false) Integer version, Model model) {
        ProductVersion shown = version == null ? catalogue.current(id) : catalogue.version(id, version);
        model.addAttribute("p", shown);
        model.addAttribute("body", ProductJson.body(shown.definition()));
        model.addAttribute("versions", catalogue.versionNumbers(id));
        model.addAttribute("canManage", CurrentUsers.require().permissions().contains("product:manage"));
        return "product/product";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('product:manage')")
    String newProduct(Model model) {
        return form(model, ProductForm.blank(), FormErrors.none(), null);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('product:manage')")
    String edit(@PathVariable UUID id, Model model) {
        ProductVersion current = catalogue.current(id);
        return form(model, ProductForm.of(ProductJson.body(current.definition())), FormErrors.none(), current);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('product:manage')")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        ProductForm form = ProductForm.of(params);
        try {
            ProductVersion saved = catalogue.create(CurrentUsers.require(), body(form));
            redirect.addFlashAttribute("notice", "product.page.saved");
            return "redirect:/products/" + saved.productId();
        } catch (ProblemException e) {
            return form(model, form, problems.errors(e), null);
        }
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('product:manage')")
    String update(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
                  RedirectAttributes redirect) {
        ProductVersion current = catalogue.current(id);
        ProductForm form = ProductForm.of(params);
        try {
            Integer expected = parseOrNull(form.v("expectedVersion"));
            catalogue.update(CurrentUsers.require(), id, body(form), expected);
            redirect.addFlashAttribute("notice", "product.page.versioned");
            return "redirect:/products/" + id;
        } catch (ProblemException e) {
            return form(model, form, problems.errors(e), current);
        }
    }

    /** The live preview: the annualised rate range of what the form holds, or what is wrong with it. */
    @PostMapping("/preview")
    @PreAuthorize("hasAuthority('product:manage')")
    String preview(@RequestParam MultiValueMap<String, String> params, Model model) {
        try {
            model.addAttribute("preview", catalogue.evaluate(CurrentUsers.require(), body(ProductForm.of(params))));
            model.addAttribute("previewErrors", List.of());
        } catch (ProblemException e) {
            FormErrors errors = problems.errors(e);
            List<String> messages = new ArrayList<>(errors.general());
            errors.fields().forEach((field, list) -> list.forEach(m -> messages.add(field + ": " + m)));
            model.addAttribute("previewErrors", messages);
        }
        return "product/product-form :: preview";
    }

    private static ProductBody body(ProductForm form) {
        List<FieldProblem> unreadable = new ArrayList<>();
        ProductBody body = form.toBody(unreadable);
        if (!unreadable.isEmpty()) {
            throw ProblemException.invalid(unreadable);
        }
        return body;
    }

    private static Integer parseOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String form(Model model, ProductForm form, FormErrors errors, ProductVersion editing) {
        CurrentUser caller = CurrentUsers.require();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", editing);
        model.addAttribute("branchOptions", branches.branchCodes());
        model.addAttribute("previewErrors", List.of());
        model.addAttribute("institution", caller.organisationId());
        model.addAttribute("shownFields", ProductForm.shownFields());
        addChoices(model);
        return "product/product-form";
    }

    private static void addChoices(Model model) {
        model.addAttribute("productTypes", ProductType.values());
        model.addAttribute("securityTypes", SecurityType.values());
        model.addAttribute("roundingModes", RoundingRule.values());
        model.addAttribute("amortizations", Amortization.values());
        model.addAttribute("interestMethods", InterestMethod.values());
        model.addAttribute("accruals", InterestAccrual.values());
        model.addAttribute("installmentBases", InstallmentBasis.values());
        model.addAttribute("frequencies", RepaymentFrequency.values());
        model.addAttribute("daysInYears", Arrays.stream(DaysInYear.values()).map(DaysInYear::code).toList());
        model.addAttribute("daysInMonths", Arrays.stream(DaysInMonth.values()).map(DaysInMonth::code).toList());
        model.addAttribute("classifications", ClassificationTable.values());
        model.addAttribute("feeKinds", FeeKind.values());
        model.addAttribute("feeCharges", FeeCharge.values());
        model.addAttribute("documentTypes", DocumentType.values());
    }
}
