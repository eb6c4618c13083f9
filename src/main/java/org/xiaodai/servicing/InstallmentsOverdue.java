package org.xiaodai.servicing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.xiaodai.shared.EventBatch;

/**
 * Several loans that fell past due in one transaction (逾期批量): end of day's overdue step publishes one
 * per partition instead of one {@link InstallmentOverdue} per loan, so the event publication registry
 * writes a row per listener and partition, not per listener and loan. Every listener of
 * {@link InstallmentOverdue} (collections, notifications, supervision's feed) also listens to this and
 * handles each loan exactly as if its event had come alone, with the same idempotency keys; the Kafka
 * feed sends each as its own {@code InstallmentOverdue} record ({@link EventBatch}).
 *
 * @param loans each of the same institution
 */
public record InstallmentsOverdue(UUID institutionId, LocalDate asOf, List<InstallmentOverdue> loans)
        implements EventBatch {

    public InstallmentsOverdue {
        loans = List.copyOf(loans);
    }

    @Override
    public List<InstallmentOverdue> events() {
        return loans;
    }
}
