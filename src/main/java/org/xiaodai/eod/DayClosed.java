package org.xiaodai.eod;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published when every {@link EndOfDayStep} has processed {@code closedDate} for an institution and
 * its business date has moved on to {@code newBusinessDate}. Collection, notification, risk and
 * reporting react to it (after commit, through the event publication registry).
 */
public record DayClosed(UUID institutionId, LocalDate closedDate, LocalDate newBusinessDate, UUID runId) {
}
