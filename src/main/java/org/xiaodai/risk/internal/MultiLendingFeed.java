package org.xiaodai.risk.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.approval.ApprovalRequested;
import org.xiaodai.risk.EarlyWarnings;
import org.xiaodai.risk.Indicators;
import org.xiaodai.risk.Observation;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * The multi-lending feed ({@link Indicators#MULTI_LENDING}) from origination's checks on submit: an application whose
 * submission carries the {@code MULTI_LENDING} flag (the borrower is also a customer of other institutions of the
 * region) is observed as one multi-lending borrower, after the submitting transaction committed, in a transaction of
 * its own inside the institution's tenant wall. Subject {@code application:<id>}, date the submission's day in the
 * region's zone, so a second delivery raises nothing more (a resubmission on another day that is flagged again raises
 * again). The label names the application and its product, never the borrower (the regulator sees it too).
 */
@Component
class MultiLendingFeed {

    static final String FLAG = "MULTI_LENDING";

    private final EarlyWarnings warnings;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Clock clock;

    MultiLendingFeed(EarlyWarnings warnings, TransactionTemplate transactions, MessageSource messages, Clock clock) {
        this.warnings = warnings;
        this.transactions = transactions;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Only flagged submissions reach the listener: the condition is judged before the event publication registry stores
     * a publication, so an unflagged one (nearly all) costs no registry row, no serialisation and no asynchronous run.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED, condition = "#submitted.flags().contains('" + FLAG + "')")
    void on(ApprovalRequested submitted) {
        check(submitted);
    }

    /** The listener's body, synchronously (tests call it to deliver a submission twice). */
    List<UUID> check(ApprovalRequested e) {
        if (!e.flags().contains(FLAG)) {
            return List.of();
        }
        LocalDate day = LocalDate.ofInstant(e.submittedAt(), clock.getZone());
        String application = e.applicationId().toString().substring(0, 8);
        String label = label(Locale.SIMPLIFIED_CHINESE, application, e) + " / " + label(Locale.ENGLISH, application, e);
        return TenantWall.asInstitution(e.institutionId(), () -> transactions.execute(tx -> warnings.evaluate(new Observation(
                e.institutionId(), Indicators.MULTI_LENDING, BigDecimal.ONE, day, "application:" + e.applicationId(), label))));
    }

    private String label(Locale locale, String application, ApprovalRequested e) {
        return messages.getMessage("risk.multi-lending.application", new Object[] {application, e.productName()}, locale);
    }
}
