package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A loan fell past due at end of day (逾期): an installment due on {@code dueDate} is unpaid as of
 * {@code asOf}. Published once when the loan turns overdue (collections, reminders, risk).
 * <p>
 * Externalised to the Kafka topic {@code xiaodai.servicing.loans}, keyed by loan (in order per loan), when a
 * broker is configured; supervision records it in the regulator's real-time feed. End of day's overdue marking
 * publishes its loans as one {@link InstallmentsOverdue} per partition: a listener of this must listen to that too.
 */
@Externalized("xiaodai.servicing.loans::#{loanId()}")
public record InstallmentOverdue(UUID loanId, UUID institutionId, UUID customerId, UUID officerId, LocalDate dueDate,
                                 LocalDate asOf, long daysPastDue, BigDecimal overduePrincipal,
                                 BigDecimal overdueInterest) {
}
