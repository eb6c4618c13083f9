package org.xiaodai.shared.time;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The business date (会计日) of an institution: data, advanced by end of day, never derived from
 * the wall clock. Every piece of business logic takes its "today" from here.
 */
public interface BusinessDate {

    /** The current business date of {@code institutionId}; fails for an unknown institution. */
    LocalDate of(UUID institutionId);
}
