package org.xiaodai.servicing.internal;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.calc.LoanCalculator;
import org.xiaodai.calc.Outcome;
import org.xiaodai.calc.Schedule;
import org.xiaodai.contract.ContractAccepted;

/**
 * Opens a loan, pending disbursement with its schedule fixed, from an accepted contract: in the
 * acceptance transaction (a plain {@link EventListener}), under the loan id the contract chose,
 * so the acceptance and the loan commit together or not at all.
 */
@Component
class LoanOpening {

    private final LoanRepository loans;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final LoanCalculator calculator = new LoanCalculator();

    LoanOpening(LoanRepository loans, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.loans = loans;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void open(ContractAccepted c) {
        Outcome<Schedule> schedule = calculator.schedule(c.terms());
        if (!schedule.isSuccess()) {
            throw new IllegalArgumentException("The contract's terms give no schedule: " + schedule.violations());
        }
        if (c.terms().currencyDigits() > 2) {
            throw new IllegalArgumentException("A loan is booked in whole cents at most: " + c.terms().currencyDigits());
        }
        if (loans.find(c.loanId()).isPresent()) {
            return;
        }
        String branchPath = c.branchId() == null ? null : jdbc.sql("select path from iam_branch where id = ?")
                .param(c.branchId()).query(String.class).optional().orElse(null);
        loans.insert(new LoanRepository.NewLoan(c.loanId(), c.institutionId(), c.branchId(), branchPath, c.officerId(),
                c.customerId(), c.contractId(), c.contractNumber(), c.applicationId(), c.productId(), c.productVersion(),
                c.terms(), TermsJson.policy(c.policy()), c.upfrontFees(), c.autoDebit(), c.acceptedAt()), clock.instant());
        loans.insertSchedule(c.loanId(), c.institutionId(), 1, "CONTRACT", c.terms().disbursementDate(), c.terms(),
                schedule.value().installments(), clock.instant());
        audit.record(AuditRecord.created("servicing.loan.opened", "loan", c.loanId(), c.institutionId(),
                Map.of("contractNumber", String.valueOf(c.contractNumber()), "principal", c.terms().principal(),
                        "autoDebit", c.autoDebit())));
    }
}
