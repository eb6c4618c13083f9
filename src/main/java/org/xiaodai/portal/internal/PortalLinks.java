package org.xiaodai.portal.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.customer.IndividualCustomerRecorded;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Links a registered borrower to a customer record an institution creates for them later (the links
 * registration makes cover only the records that existed then): after the customer module committed,
 * in that institution's wall, by the person key (no personal data travels in the event). Once per
 * record: the link's primary key makes a redelivered event a no-op.
 */
@Component
class PortalLinks {

    private final Borrowers borrowers;
    private final TransactionTemplate transactions;

    PortalLinks(Borrowers borrowers, TransactionTemplate transactions) {
        this.borrowers = borrowers;
        this.transactions = transactions;
    }

    @ApplicationModuleListener
    void recorded(IndividualCustomerRecorded event) {
        TenantWall.asInstitution(event.institutionId(), () -> transactions.executeWithoutResult(tx ->
                borrowers.linkRecorded(event.institutionId(), event.customerId(), event.personKey())));
    }
}
