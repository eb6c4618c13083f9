package org.xiaodai.servicing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A loan's five-level grade (五级分类) changed on {@code changedOn} (credit reporting needs the date).
 *
 * @param reason {@code DAYS_PAST_DUE}, {@code MANUAL}, {@code RESTRUCTURING}, {@code WATCH_ENDED},
 *               {@code REPAYMENT} or {@code REVERSAL}
 */
public record LoanGradeChanged(UUID loanId, UUID institutionId, LocalDate changedOn, String fromGrade, String toGrade,
                               String reason, long daysPastDue) {
}
