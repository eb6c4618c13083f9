package org.xiaodai.origination.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.approval.ApprovalDecided;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.contract.ContractAccepted;
import org.xiaodai.contract.ContractRequested;
import org.xiaodai.customer.Customers;
import org.xiaodai.origination.domain.ApplicationStatus;
import org.xiaodai.shared.problem.ProblemException;

import tools.jackson.databind.json.JsonMapper;

/**
 * What happens to an application after it left origination's hands: approval's final answer
 * (approved, declined, returned; an approval asks for the contract at once, in the same
 * transaction) and the borrower's acceptance of the contract (contracted, with the loan's id).
 * Every move is audited in its transaction.
 */
@Component
class ApplicationOutcomes {

    private final JdbcClient jdbc;
    private final ApplicationStore store;
    private final Customers customers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;

    ApplicationOutcomes(JdbcClient jdbc, ApplicationStore store, Customers customers, AuditTrail audit,
                        ApplicationEventPublisher events, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.store = store;
        this.customers = customers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    /** Approval's final answer moves the application on; an approval asks for the contract at once. */
    @EventListener
    @Transactional
    public void on(ApprovalDecided d) {
        ApplicationStore.Row row = store.byIdForUpdate(d.applicationId());
        ApplicationStatus next = switch (d.outcome()) {
            case APPROVED -> ApplicationStatus.APPROVED;
            case DECLINED -> ApplicationStatus.DECLINED;
            case RETURNED -> ApplicationStatus.RETURNED;
        };
        ApplicationStore.requireMove(row, next);
        Instant now = clock.instant();
        UUID contractId = next == ApplicationStatus.APPROVED ? UUID.randomUUID() : null;
        jdbc.sql("""
                update origination_application set status = ?, version = version + 1, approved_amount = ?,
                    approved_rate_percent = ?, conditions = ?, decline_reasons = ?::jsonb, decided_at = ?, contract_id = ?,
                    updated_at = ?
                where id = ?""")
                .params(next.name(), d.approvedAmount(), d.approvedAnnualRatePercent(), d.conditions(),
                        json.writeValueAsString(d.reasons()), next == ApplicationStatus.RETURNED ? null : Timestamp.from(now),
                        contractId, Timestamp.from(now), d.applicationId()).update();
        audit.record(AuditRecord.changed("origination.application.decided", "application", d.applicationId(),
                d.institutionId(), Map.of("status", row.status()), Map.of("status", next.name(), "automatic", d.automatic(),
                        "reasons", d.reasons())));
        if (contractId != null) {
            events.publishEvent(new ContractRequested(contractId, d.applicationId(), d.institutionId(), row.branchId(),
                    row.branchPath(), row.ownerId(), row.customerId(), row.productId(), row.productVersion(),
                    d.approvedAmount(), d.approvedAnnualRatePercent(), row.numberOfRepayments(), row.purpose(),
                    collateralLines(row), guarantorNames(row), d.conditions()));
        }
    }

    /**
     * The borrower accepted the contract: the application is contracted and knows its loan. A loan
     * booked without an application of this module (servicing's fixtures, imported loans) has nothing
     * to move here. Only an approved application can be contracted, so one conditional {@code UPDATE}
     * makes the move (the row lock it takes is the one a locking read took before); only when it
     * moves nothing is the status read, to tell "no such application" (nothing to do) from a state
     * that does not allow the move (409).
     */
    @EventListener
    @Transactional
    public void on(ContractAccepted accepted) {
        if (accepted.applicationId() == null) {
            return;
        }
        int moved = jdbc.sql("""
                update origination_application set status = ?, version = version + 1, loan_id = ?, updated_at = ?
                where id = ? and status = ?""")
                .params(ApplicationStatus.CONTRACTED.name(), accepted.loanId(), Timestamp.from(clock.instant()),
                        accepted.applicationId(), ApplicationStatus.APPROVED.name()).update();
        if (moved == 0) {
            Optional<String> status = jdbc.sql("select status from origination_application where id = ?")
                    .param(accepted.applicationId()).query(String.class).optional();
            if (status.isEmpty()) {
                return;
            }
            throw ProblemException.conflict("application-state", status.get());
        }
        audit.record(AuditRecord.changed("origination.application.contracted", "application", accepted.applicationId(),
                accepted.institutionId(), Map.of("status", ApplicationStatus.APPROVED.name()),
                Map.of("status", "CONTRACTED", "loanId", accepted.loanId().toString())));
    }

    private List<String> collateralLines(ApplicationStore.Row row) {
        return store.collateral(row).stream().map(c -> c.type().name() + "|" + (c.description() == null ? "" : c.description())
                + "|" + c.valuation().toPlainString() + "|" + c.valuationDate()).toList();
    }

    private List<String> guarantorNames(ApplicationStore.Row row) {
        return store.guarantors(row).stream().map(g -> customers.profile(g).map(p -> p.name() + "（" + p.idNumberMasked() + "）")
                .orElse(g.toString())).toList();
    }
}
