package org.xiaodai.ledger.web;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.ledger.Ledger;
import org.xiaodai.servicing.Loans;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

/** The ledger page (trial balance and reconciliation for a date) and a loan's vouchers as a page fragment. */
@Controller
class LedgerPageController {

    private final Ledger ledger;
    private final Loans loans;
    private final BusinessDate businessDate;

    LedgerPageController(Ledger ledger, Loans loans, BusinessDate businessDate) {
        this.ledger = ledger;
        this.loans = loans;
        this.businessDate = businessDate;
    }

    @GetMapping("/ledger")
    @PreAuthorize("hasAuthority('ledger:view')")
    String ledger(@RequestParam(required = false) String date, Model model) {
        CurrentUser caller = CurrentUsers.require();
        if (caller.seesAllInstitutions()) {
            throw ProblemException.forbidden("institution-only");
        }
        UUID institution = caller.organisationId();
        LocalDate today = businessDate.of(institution);
        LocalDate shown = today;
        if (date != null && !date.isBlank()) {
            try {
                shown = LocalDate.parse(date.strip());
            } catch (java.time.format.DateTimeParseException e) {
                shown = today;
            }
        }
        model.addAttribute("date", shown);
        model.addAttribute("businessDate", today);
        model.addAttribute("trialBalance", ledger.trialBalance(institution, shown));
        model.addAttribute("reconciliation", ledger.reconciliation(institution, shown));
        return "ledger/ledger";
    }

    @GetMapping("/ledger/loans/{id}/vouchers")
    @PreAuthorize("hasAuthority('loan:view')")
    String vouchers(@PathVariable UUID id, Model model) {
        if (!loans.visibleTo(CurrentUsers.require(), id)) {
            throw ProblemException.notFound("loan");
        }
        model.addAttribute("vouchers", ledger.vouchersOfLoan(id));
        model.addAttribute("loanId", id);
        return "ledger/vouchers";
    }
}
