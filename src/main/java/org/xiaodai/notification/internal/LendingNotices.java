package org.xiaodai.notification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.xiaodai.approval.ApprovalDecided;
import org.xiaodai.approval.ApprovalRequested;
import org.xiaodai.contract.BorrowerContracts;
import org.xiaodai.contract.ContractRequested;
import org.xiaodai.eod.DayClosed;
import org.xiaodai.notification.Notice;
import org.xiaodai.notification.NotificationEvent;
import org.xiaodai.origination.OnlineApplications;
import org.xiaodai.servicing.BorrowerLoans;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Tells borrowers about their applications and contracts, and reminds them of installments: the
 * application received (each submission), decided (approved or declined; a return for more
 * information is the officer's to explain), the contract ready to sign, and "repayment due in N
 * days" for every N of {@code xiaodai.notification.repayment-due-days}, evaluated when a business
 * day closes against the new business date.
 * <p>
 * The three notices about an application are queued in the publisher's own transaction, just before
 * it commits (when the contract an automatic approval asked for exists): the delivery log is
 * itself the outbox, so a notice commits exactly with the change it tells of, and needs neither an
 * entry in the event publication registry nor a transaction of its own; the dispatcher sends them
 * after the commit, and its periodic round retries what that attempt missed. A failure to queue a
 * notice therefore fails the change it tells of (a template is checked by tests, a repeated dedupe
 * key inserts nothing). The reminders run after the day close committed, in the institution's
 * tenant wall. Every notice has a dedupe key so that a redelivered event notifies once. An
 * application is named by the start of its id (it has no number), a contract and a loan by the
 * contract number.
 */
@Component
class LendingNotices {

    private final NotificationService notifications;
    private final OnlineApplications applications;
    private final BorrowerContracts contracts;
    private final BorrowerLoans loans;
    private final NotificationProperties properties;

    LendingNotices(NotificationService notifications, OnlineApplications applications, BorrowerContracts contracts,
                   BorrowerLoans loans, NotificationProperties properties) {
        this.notifications = notifications;
        this.applications = applications;
        this.contracts = contracts;
        this.loans = loans;
        this.properties = properties;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void received(ApprovalRequested event) {
        TenantWall.asInstitution(event.institutionId(), () -> applications.customerOf(event.applicationId())
                .ifPresent(customer -> notifications.notify(new Notice(event.institutionId(), customer,
                        NotificationEvent.APPLICATION_RECEIVED, Map.of("reference", reference(event.applicationId())),
                        "application-received:" + event.applicationId() + ":" + event.round()))));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void decided(ApprovalDecided event) {
        if (event.outcome() == ApprovalDecided.Outcome.RETURNED) {
            return;
        }
        TenantWall.asInstitution(event.institutionId(), () -> applications.customerOf(event.applicationId())
                .ifPresent(customer -> notifications.notify(new Notice(event.institutionId(), customer,
                        NotificationEvent.APPLICATION_DECIDED, Map.of("reference", reference(event.applicationId()),
                        "decision", event.outcome().name()), "application-decided:" + event.applicationId()))));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void contractReady(ContractRequested event) {
        TenantWall.asInstitution(event.institutionId(), () -> contracts.ofCustomer(event.customerId(), event.contractId())
                .ifPresent(contract -> notifications.notify(new Notice(event.institutionId(), event.customerId(),
                        NotificationEvent.CONTRACT_READY, Map.of("reference", contract.contractNumber()),
                        "contract-ready:" + event.contractId()))));
    }

    @ApplicationModuleListener
    void remind(DayClosed event) {
        for (Integer days : properties.repaymentDueDays()) {
            LocalDate due = event.newBusinessDate().plusDays(days);
            TenantWall.asInstitution(event.institutionId(), () -> loans.installmentsDueOn(due).forEach(i ->
                    notifications.notify(new Notice(event.institutionId(), i.customerId(), NotificationEvent.REPAYMENT_DUE,
                            Map.of("reference", i.reference(), "amount", amount(i.amount()), "dueDate", due.toString(),
                                    "days", Integer.toString(days)),
                            "repayment-due:" + i.loanId() + ":" + due + ":" + days))));
        }
    }

    private static String reference(UUID applicationId) {
        return applicationId.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    private static String amount(BigDecimal amount) {
        return ServicingNotices.amount(amount);
    }
}
