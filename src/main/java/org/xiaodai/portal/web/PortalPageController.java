package org.xiaodai.portal.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.xiaodai.customer.ConsentPurpose;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.portal.internal.BorrowerPrincipal;
import org.xiaodai.portal.internal.Borrowers;
import org.xiaodai.portal.internal.Portal;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.DecimalNumber;

/**
 * The borrower portal's pages, phone width first: sign-in and registration, home, consents,
 * applying with the rate and schedule first, progress, the contract, loans with repayment and
 * payoff, documents and complaints. Every form works without JavaScript.
 */
@Controller
@RequestMapping("/portal")
class PortalPageController {

    private static final List<String> PURPOSES = List.of("CONSUMPTION", "HOME_IMPROVEMENT", "EDUCATION", "MEDICAL",
            "VEHICLE", "FURNITURE", "BUSINESS_OPERATION", "AGRICULTURE", "OTHER");
    /** A-card questions the borrower answers themselves (German credit codes), with their choices. */
    static final Map<String, List<String>> QUESTIONS = questions();

    private final Borrowers borrowers;
    private final Portal portal;
    private final PageProblems problems;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PortalPageController(Borrowers borrowers, Portal portal, PageProblems problems) {
        this.borrowers = borrowers;
        this.portal = portal;
        this.problems = problems;
    }

    // ------------------------------------------------------------------ sign-in and registration

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login(Model model) {
        return "portal/login";
    }

    @PostMapping("/login")
    @PreAuthorize("permitAll()")
    String signIn(@RequestParam(required = false) String mobile, @RequestParam(required = false) String password,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        var borrower = borrowers.authenticate(mobile, password);
        if (borrower.isEmpty()) {
            model.addAttribute("error", true);
            model.addAttribute("mobile", mobile);
            return "portal/login";
        }
        signIn(borrower.get(), request, response);
        return "redirect:/portal";
    }

    @GetMapping("/register")
    @PreAuthorize("permitAll()")
    String register(Model model) {
        model.addAttribute("errors", FormErrors.none());
        return "portal/register";
    }

    @PostMapping("/register/code")
    @PreAuthorize("permitAll()")
    String sendCode(@RequestParam(required = false) String mobile, Model model, java.util.Locale locale) {
        model.addAttribute("mobile", mobile);
        try {
            var issued = borrowers.sendCode(mobile, locale.getLanguage());
            model.addAttribute("sentTo", issued.mobileMasked());
            model.addAttribute("errors", FormErrors.none());
        } catch (ProblemException e) {
            model.addAttribute("errors", problems.errors(e));
        }
        return "portal/register";
    }

    @PostMapping("/register")
    @PreAuthorize("permitAll()")
    String registered(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
                      Model model, java.util.Locale locale) {
        try {
            BorrowerPrincipal b = borrowers.register(new Borrowers.Registration(form.get("mobile"), form.get("code"),
                    form.get("name"), form.get("idNumber"), form.get("password"), locale.getLanguage()));
            signIn(b, request, response);
            return "redirect:/portal/consents";
        } catch (ProblemException e) {
            model.addAttribute("mobile", form.get("mobile"));
            model.addAttribute("sentTo", form.get("mobile"));
            model.addAttribute("form", form);
            model.addAttribute("errors", problems.errors(e));
            return "portal/register";
        }
    }

    // ------------------------------------------------------------------ home, consents

    @GetMapping({"", "/"})
    @PreAuthorize("hasRole('BORROWER')")
    String home(Model model) {
        BorrowerPrincipal b = me(model);
        model.addAttribute("lenders", portal.lenders(b));
        model.addAttribute("loans", portal.loans(b));
        model.addAttribute("applications", portal.applications(b));
        model.addAttribute("contracts", portal.contracts(b).stream().filter(c -> "ISSUED".equals(c.status())).toList());
        return "portal/home";
    }

    @GetMapping("/consents")
    @PreAuthorize("hasRole('BORROWER')")
    String consents(Model model) {
        model.addAttribute("lenders", portal.lenders(me(model)));
        model.addAttribute("textVersion", Portal.CONSENT_TEXT_VERSION);
        return "portal/consents";
    }

    @PostMapping("/consents")
    @PreAuthorize("hasRole('BORROWER')")
    String consent(@RequestParam UUID institutionId, @RequestParam String purpose, @RequestParam String textVersion,
                   @RequestParam(required = false) String agree) {
        if (agree != null) {
            ConsentPurpose p = "DATA_SHARING".equals(purpose) ? ConsentPurpose.DATA_SHARING : ConsentPurpose.CREDIT_BUREAU_QUERY;
            portal.consent(borrower(), institutionId, p, textVersion);
        }
        return "redirect:/portal/consents";
    }

    // ------------------------------------------------------------------ applying

    @GetMapping("/apply")
    @PreAuthorize("hasRole('BORROWER')")
    String apply(@RequestParam(required = false) UUID productId, @RequestParam(required = false) String amount,
                 @RequestParam(required = false) Integer numberOfRepayments, Model model) {
        BorrowerPrincipal b = me(model);
        List<Portal.PortalProduct> products = portal.products(b);
        model.addAttribute("products", products);
        model.addAttribute("purposes", PURPOSES);
        model.addAttribute("questions", QUESTIONS);
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("applyKey", UUID.randomUUID().toString());
        products.stream().filter(p -> p.productId().equals(productId)).findFirst().ifPresent(p -> {
            model.addAttribute("product", p);
            BigDecimal a = amount == null ? null : DecimalNumber.validate(amount.strip()).toOptional().orElse(null);
            int n = numberOfRepayments == null ? p.minRepayments() : numberOfRepayments;
            model.addAttribute("amount", a == null ? p.minAmount() : a);
            model.addAttribute("numberOfRepayments", n);
            if (a != null) {
                model.addAttribute("quote", portal.quote(b, productId, a, n));
            }
        });
        return "portal/apply";
    }

    @PostMapping("/apply")
    @PreAuthorize("hasRole('BORROWER')")
    String applied(@RequestParam Map<String, String> form, @RequestParam(required = false) MultipartFile idCard,
                   HttpServletRequest request, Model model) throws IOException {
        BorrowerPrincipal b = borrower();
        UUID productId = uuid(form.get("productId")).orElseThrow(() -> ProblemException.notFound("product"));
        Portal.PortalProduct product = portal.products(b).stream().filter(p -> p.productId().equals(productId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("product"));
        try {
            List<String> documents = new ArrayList<>();
            if (idCard != null && !idCard.isEmpty()) {
                portal.upload(b, product.institutionId(), "ID_IMAGE", idCard.getOriginalFilename(), idCard.getBytes());
                documents.add("ID_CARD");
            }
            Map<String, Object> answers = new LinkedHashMap<>();
            QUESTIONS.keySet().forEach(q -> {
                if (form.get(q) != null && !form.get(q).isBlank()) {
                    answers.put(q, form.get(q));
                }
            });
            answers.put("installmentRate", 2);
            UUID id = portal.apply(b, productId, PortalApiController.amount(form.get("amount")),
                    Integer.parseInt(form.getOrDefault("numberOfRepayments", "0")), form.get("purpose"), answers, documents,
                    form.get("idempotencyKey"), request.getRemoteAddr());
            return "redirect:/portal/applications/" + id;
        } catch (ProblemException e) {
            model.addAttribute("errors", formErrors(e));
            me(model);
            model.addAttribute("products", List.of(product));
            model.addAttribute("product", product);
            model.addAttribute("purposes", PURPOSES);
            model.addAttribute("questions", QUESTIONS);
            model.addAttribute("amount", form.get("amount"));
            model.addAttribute("numberOfRepayments", form.get("numberOfRepayments"));
            model.addAttribute("applyKey", UUID.randomUUID().toString());
            return "portal/apply";
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("numberOfRepayments", "integer");
        }
    }

    @GetMapping("/applications/{id}")
    @PreAuthorize("hasRole('BORROWER')")
    String application(@PathVariable UUID id, Model model) {
        model.addAttribute("progress", portal.application(me(model), id));
        return "portal/application";
    }

    @PostMapping("/applications/{id}/human-review")
    @PreAuthorize("hasRole('BORROWER')")
    String humanReview(@PathVariable UUID id) {
        portal.requestHumanReview(borrower(), id);
        return "redirect:/portal/applications/" + id;
    }

    // ------------------------------------------------------------------ contract

    @GetMapping("/contracts/{id}")
    @PreAuthorize("hasRole('BORROWER')")
    String contract(@PathVariable UUID id, Model model) {
        model.addAttribute("contract", portal.contract(me(model), id));
        return "portal/contract";
    }

    @GetMapping("/contracts/{id}/pdf")
    @PreAuthorize("hasRole('BORROWER')")
    ResponseEntity<byte[]> contractPdf(@PathVariable UUID id) {
        return PortalApiController.pdf(portal.contractPdf(borrower(), id), id);
    }

    @PostMapping("/contracts/{id}/accept")
    @PreAuthorize("hasRole('BORROWER')")
    String accept(@PathVariable UUID id, @RequestParam String textVersion, @RequestParam(required = false) String agree,
                  @RequestParam(required = false) String autoDebit, HttpServletRequest request, Model model) {
        if (agree == null) {
            model.addAttribute("contract", portal.contract(me(model), id));
            model.addAttribute("mustAgree", true);
            return "portal/contract";
        }
        var c = portal.accept(borrower(), id, textVersion, autoDebit != null, request.getRemoteAddr());
        return "redirect:/portal/loans/" + c.loanId();
    }

    // ------------------------------------------------------------------ loans

    @GetMapping("/loans/{id}")
    @PreAuthorize("hasRole('BORROWER')")
    String loan(@PathVariable UUID id, Model model) {
        BorrowerPrincipal b = me(model);
        Portal.PortalLoanDetail loan = portal.loan(b, id);
        model.addAttribute("loan", loan);
        model.addAttribute("paymentKey", UUID.randomUUID().toString());
        if (loan.item().due() != null) {
            try {
                model.addAttribute("payoff", portal.payoffQuote(b, id));
            } catch (ProblemException e) {
                model.addAttribute("payoff", null);
            }
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "portal/loan";
    }

    @PostMapping("/loans/{id}/pay")
    @PreAuthorize("hasRole('BORROWER')")
    String pay(@PathVariable UUID id, @RequestParam String kind, @RequestParam(required = false) String amount,
               @RequestParam String idempotencyKey, Model model) {
        try {
            var payment = portal.pay(borrower(), id, kind, "PAYOFF".equals(kind) ? null : PortalApiController.amount(amount),
                    idempotencyKey);
            return "redirect:/portal/loans/" + id + "?paid=" + payment.amount().toPlainString();
        } catch (ProblemException e) {
            model.addAttribute("errors", formErrors(e));
            return loan(id, model);
        }
    }

    // ------------------------------------------------------------------ documents, complaints

    @GetMapping("/documents")
    @PreAuthorize("hasRole('BORROWER')")
    String documents(Model model) {
        BorrowerPrincipal b = me(model);
        model.addAttribute("documents", portal.documents(b));
        model.addAttribute("lenders", portal.lenders(b));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "portal/documents";
    }

    @PostMapping("/documents")
    @PreAuthorize("hasRole('BORROWER')")
    String upload(@RequestParam UUID institutionId, @RequestParam String category, @RequestParam MultipartFile file,
                  Model model) throws IOException {
        try {
            portal.upload(borrower(), institutionId, category, file.getOriginalFilename(), file.getBytes());
            return "redirect:/portal/documents";
        } catch (ProblemException e) {
            model.addAttribute("errors", formErrors(e));
            return documents(model);
        }
    }

    @GetMapping("/complaints")
    @PreAuthorize("hasRole('BORROWER')")
    String complaints(Model model) {
        BorrowerPrincipal b = me(model);
        model.addAttribute("complaints", portal.complaints(b));
        model.addAttribute("lenders", portal.lenders(b));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "portal/complaints";
    }

    @PostMapping("/complaints")
    @PreAuthorize("hasRole('BORROWER')")
    String complain(@RequestParam UUID institutionId, @RequestParam(required = false) String category,
                    @RequestParam(required = false) String subject, @RequestParam(required = false) String description,
                    Model model) {
        try {
            portal.complain(borrower(), institutionId, category, subject, description);
            return "redirect:/portal/complaints";
        } catch (ProblemException e) {
            model.addAttribute("errors", formErrors(e));
            return complaints(model);
        }
    }

    // ------------------------------------------------------------------ helpers

    private void signIn(BorrowerPrincipal borrower, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(borrower, null, List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                        BorrowerPrincipal.AUTHORITY))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** A form's problems shown on the form; an id that is not the borrower's stays a 404 (never a form error). */
    private FormErrors formErrors(ProblemException e) {
        if (e.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
            throw e;
        }
        return problems.errors(e);
    }

    /** A form's id: empty when it is none (a product id that is no id is a product that is not there). */
    private static java.util.Optional<UUID> uuid(String value) {
        try {
            return value == null ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static BorrowerPrincipal borrower() {
        return PortalApiController.borrower();
    }

    private static BorrowerPrincipal me(Model model) {
        BorrowerPrincipal b = borrower();
        model.addAttribute("me", b);
        return b;
    }

    private static Map<String, List<String>> questions() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("employmentLength", List.of("A71", "A72", "A73", "A74", "A75"));
        q.put("housing", List.of("A151", "A152", "A153"));
        q.put("savings", List.of("A61", "A62", "A63", "A64", "A65"));
        q.put("property", List.of("A121", "A122", "A123", "A124"));
        q.put("job", List.of("A171", "A172", "A173", "A174"));
        q.put("currentAccount", List.of("A11", "A12", "A13", "A14"));
        q.put("otherInstallments", List.of("A141", "A142", "A143"));
        q.put("telephone", List.of("A191", "A192"));
        q.put("guarantor", List.of("A101", "A102", "A103"));
        return java.util.Collections.unmodifiableMap(q);
    }
}
