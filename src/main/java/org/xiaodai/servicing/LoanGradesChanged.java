package org.xiaodai.servicing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.xiaodai.shared.EventBatch;

/**
 * Several five-level grade changes booked in one transaction: end of day (overdue marking, withholding)
 * publishes one per partition instead of one {@link LoanGradeChanged} per loan, so the event
 * publication registry writes a row per listener and partition, not per listener and loan. Every
 * listener of {@link LoanGradeChanged} (notifications, supervision's feed) also listens to this and
 * handles each change exactly as if it had come alone, with the same idempotency keys; the Kafka feed
 * sends each as its own {@code LoanGradeChanged} record ({@link EventBatch}).
 *
 * @param changes each of the same institution
 */
public record LoanGradesChanged(UUID institutionId, LocalDate changedOn, List<LoanGradeChanged> changes)
        implements EventBatch {

    public LoanGradesChanged {
        changes = List.copyOf(changes);
    }

    @Override
    public List<LoanGradeChanged> events() {
        return changes;
    }
}
