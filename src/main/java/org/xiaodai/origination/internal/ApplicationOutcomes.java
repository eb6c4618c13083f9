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

    /**
     * Approval's final answer moves the application on; an approval asks for the contract at once.
     * Only an application under review can be decided, so one conditional {@code UPDATE} makes the
     * move and hands back, by {@code RETURNING}, the fields the contract request needs (none of which
     * a decision changes); only when it moves nothing is the status read, for the 404 or 409.
     */
    @EventListener
    @Transactional
    public void on(ApprovalDecided d) {
        ApplicationStatus next = switch (d.outcome()) {
            case APPROVED -> ApplicationStatus.APPROVED;
            case DECLINED -> ApplicationStatus.DECLINED;
            case RETURNED -> ApplicationStatus.RETURNED;
        };
        Instant now = clock.instant();
        UUID contractId = next == ApplicationStatus.APPROVED ? UUID.randomUUID() : null;
        Optional<Decided> decided = jdbc.sql("""
                update origination_application set status = ?, version = version + 1, approved_amount = ?,
                    approved_rate_percent = ?, conditions = ?, decline_reasons = ?::jsonb, decided_at = ?, contract_id = ?,
                    updated_at = ?
                where id = ? and status = ?
                returning branch_id, branch_path, owner_id, customer_id, product_id, product_version, number_of_repayments,
                    purpose, collateral::text, guarantors::text""")
                .params(next.name(), d.approvedAmount(), d.approvedAnnualRatePercent(), d.conditions(),
                        json.writeValueAsString(d.reasons()), next == ApplicationStatus.RETURNED ? null : Timestamp.from(now),
                        contractId, Timestamp.from(now), d.applicationId(), ApplicationStatus.UNDER_REVIEW.name())
                .query((rs, n) -> new Decided(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getInt(6), rs.getInt(7),
                        rs.getString(8), rs.getString(9), rs.getString(10))).optional();
        if (decided.isEmpty()) {
            String status = jdbc.sql("select status from origination_application where id = ?").param(d.applicationId())
                    .query(String.class).optional().orElseThrow(() -> ProblemException.notFound("application"));
            throw ProblemException.conflict("application-state", status);
        }
        audit.record(AuditRecord.changed("origination.application.decided", "application", d.applicationId(),
                d.institutionId(), Map.of("status", ApplicationStatus.UNDER_REVIEW.name()), Map.of("status", next.name(),
                        "automatic", d.automatic(), "reasons", d.reasons())));
        if (contractId != null) {
            Decided row = decided.get();
            events.publishEvent(new ContractRequested(contractId, d.applicationId(), d.institutionId(), row.branchId(),
                    row.branchPath(), row.ownerId(), row.customerId(), row.productId(), row.productVersion(),
                    d.approvedAmount(), d.approvedAnnualRatePercent(), row.numberOfRepayments(), row.purpose(),
                    collateralLines(row.collateralJson()), guarantorNames(row.guarantorsJson()), d.conditions()));
        }
    }

    /** What a decided application hands to its contract request. */
    private record Decided(UUID branchId, String branchPath, UUID ownerId, UUID customerId, UUID productId,
                           int productVersion, int numberOfRepayments, String purpose, String collateralJson,
                           String guarantorsJson) {
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

    private List<String> collateralLines(String collateralJson) {
        return store.collateral(collateralJson).stream().map(c -> c.type().name() + "|" + (c.description() == null ? "" : c.description())
                + "|" + c.valuation().toPlainString() + "|" + c.valuationDate()).toList();
    }

    private List<String> guarantorNames(String guarantorsJson) {
        return store.guarantors(guarantorsJson).stream().map(g -> customers.profile(g).map(p -> p.name() + "（" + p.idNumberMasked() + "）")
                .orElse(g.toString())).toList();
    }
}
