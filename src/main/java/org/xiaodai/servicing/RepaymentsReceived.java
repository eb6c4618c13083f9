package org.xiaodai.servicing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.xiaodai.shared.EventBatch;

/**
 * Several repayments booked in one transaction (还款批量入账): end of day's withholding publishes one
 * per partition instead of one {@link RepaymentReceived} per debit, so the event publication registry
 * writes a row per listener and partition, not per listener and repayment. Every listener of
 * {@link RepaymentReceived} (collections, notifications, supervision's feed) also listens to this and
 * handles each repayment exactly as if it had come alone; the Kafka feed sends each as its own
 * {@code RepaymentReceived} record ({@link EventBatch}).
 *
 * @param repayments each of the same institution and business date
 */
public record RepaymentsReceived(UUID institutionId, LocalDate businessDate, List<RepaymentReceived> repayments)
        implements EventBatch {

    public RepaymentsReceived {
        repayments = List.copyOf(repayments);
    }

    @Override
    public List<RepaymentReceived> events() {
        return repayments;
    }
}
