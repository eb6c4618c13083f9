package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A loan was restructured or extended (重组 / 展期): a new schedule version, watched until {@code watchUntil}. */
public record LoanRestructured(UUID loanId, UUID institutionId, LocalDate businessDate, int scheduleVersion,
                               String kind, BigDecimal principal, LocalDate newMaturityDate, LocalDate watchUntil) {
}
