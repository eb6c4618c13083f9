package org.xiaodai.supervision;

import java.time.LocalDate;
import java.util.UUID;

/** What other modules (risk's early warnings, later the complaint-rate indicator) read of complaints. */
public interface Complaints {

    /** Complaints of the institution still awaiting its response after their deadline, as of {@code asOf}. */
    long overdue(UUID institutionId, LocalDate asOf);

    /** Complaints filed against the institution in {@code [from, to]} (business dates). */
    long filed(UUID institutionId, LocalDate from, LocalDate to);

    /**
     * A borrower files a complaint against the institution the current tenant wall shows (the borrower
     * portal): routed with its deadline like every borrower complaint, on the regulator's list at once.
     *
     * @param borrowerId  who files it (their own list is {@link #filedBy})
     * @param category    RATE_AND_FEES, COLLECTION_CONDUCT, PERSONAL_INFORMATION, CONTRACT_TERMS, SERVICE or OTHER
     * @throws org.xiaodai.shared.problem.ProblemException 400 naming every bad field
     */
    BorrowerComplaint fileAsBorrower(UUID borrowerId, String borrowerName, String category, String subject, String description);

    /** The complaints {@code borrowerId} filed in the current institution, newest first. */
    java.util.List<BorrowerComplaint> filedBy(UUID borrowerId);

    /** Who filed a complaint of the current institution (a borrower's id for borrower complaints); empty when unknown. */
    java.util.Optional<UUID> filer(UUID complaintId);

    /** A complaint as its complainant follows it. */
    record BorrowerComplaint(UUID id, UUID institutionId, String reference, String category, String subject,
                             String status, LocalDate filedOn, LocalDate responseDue,
                             @org.jspecify.annotations.Nullable String response) {
    }
}
