package org.xiaodai.supervision;

import java.time.LocalDate;
import java.util.UUID;

/** What other modules (risk's early warnings, later the complaint-rate indicator) read of complaints. */
public interface Complaints {

    /** Complaints of the institution still awaiting its response after their deadline, as of {@code asOf}. */
    long overdue(UUID institutionId, LocalDate asOf);

    /** Complaints filed against the institution in {@code [from, to]} (business dates). */
    long filed(UUID institutionId, LocalDate from, LocalDate to);
}
