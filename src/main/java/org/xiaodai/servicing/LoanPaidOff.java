package org.xiaodai.servicing;

import java.time.LocalDate;
import java.util.UUID;

/** Nothing is owed any more (结清): every installment, interest and penalty paid. */
public record LoanPaidOff(UUID loanId, UUID institutionId, UUID customerId, LocalDate paidOffOn) {
}
