package org.xiaodai.servicing;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A loan's five-level grade (五级分类) changed on {@code changedOn} (credit reporting needs the date).
 * <p>
 * Externalised to the Kafka topic {@code xiaodai.servicing.loans}, keyed by loan (in order per loan), when a
 * broker is configured; supervision records it in the regulator's real-time feed. End of day publishes its grade
 * changes as one {@link LoanGradesChanged} per partition: a listener of this must listen to that too.
 *
 * @param reason {@code DAYS_PAST_DUE}, {@code MANUAL}, {@code RESTRUCTURING}, {@code WATCH_ENDED},
 *               {@code REPAYMENT} or {@code REVERSAL}
 */
@Externalized("xiaodai.servicing.loans::#{loanId()}")
public record LoanGradeChanged(UUID loanId, UUID institutionId, LocalDate changedOn, String fromGrade, String toGrade,
                               String reason, long daysPastDue) {
}
