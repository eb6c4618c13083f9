package org.xiaodai.ledger.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.ledger.Ledger;
import org.xiaodai.servicing.Loans;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

/** The general ledger of the caller's institution: trial balance, reconciliation, a loan's vouchers. */
@RestController
@Tag(name = "Ledger", description = "Vouchers posted by every business event, the daily trial balance and the "
        + "sub-ledger ↔ general-ledger reconciliation.")
class LedgerApiController {

    private final Ledger ledger;
    private final Loans loans;
    private final BusinessDate businessDate;

    LedgerApiController(Ledger ledger, Loans loans, BusinessDate businessDate) {
        this.ledger = ledger;
        this.loans = loans;
        this.businessDate = businessDate;
    }

    @Operation(operationId = "getTrialBalance", summary = "The trial balance (试算平衡表) through a date",
            description = "Per account: debits and credits through the date and on it, and the balance on the account's "
                    + "normal side; `totalDebit` = `totalCredit`. `date` defaults to the business date.")
    @GetMapping("/api/v1/ledger/trial-balance")
    @PreAuthorize("hasAuthority('ledger:view')")
    Ledger.TrialBalance trialBalance(@Parameter(description = "ISO date") @RequestParam(required = false) String date) {
        UUID institution = institution();
        return ledger.trialBalance(institution, date(date, institution));
    }

    @Operation(operationId = "getReconciliation", summary = "Sub-ledger ↔ general-ledger reconciliation (总分核对)",
            description = "Principal, interest receivable, penalty receivable and credit balances as the general ledger "
                    + "holds them at the end of the date against the servicing engine's sum over the loans; `difference` "
                    + "(the sum of the absolute differences) must be 0.")
    @GetMapping("/api/v1/ledger/reconciliation")
    @PreAuthorize("hasAuthority('ledger:view')")
    Ledger.Reconciliation reconciliation(@Parameter(description = "ISO date") @RequestParam(required = false) String date) {
        UUID institution = institution();
        return ledger.reconciliation(institution, date(date, institution));
    }

    @Operation(operationId = "listLoanVouchers", summary = "The vouchers posted for a loan, with their entries")
    @GetMapping("/api/v1/loans/{id}/vouchers")
    @PreAuthorize("hasAuthority('loan:view')")
    List<Ledger.Voucher> vouchers(@PathVariable UUID id) {
        if (!loans.visibleTo(CurrentUsers.require(), id)) {
            throw ProblemException.notFound("loan");
        }
        return ledger.vouchersOfLoan(id);
    }

    private static UUID institution() {
        CurrentUser caller = CurrentUsers.require();
        if (caller.seesAllInstitutions()) {
            throw ProblemException.forbidden("institution-only");
        }
        return caller.organisationId();
    }

    private LocalDate date(String raw, UUID institution) {
        if (raw == null || raw.isBlank()) {
            return businessDate.of(institution);
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("date", "date");
        }
    }
}
