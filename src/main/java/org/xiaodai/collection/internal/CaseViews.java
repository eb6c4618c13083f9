package org.xiaodai.collection.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.xiaodai.customer.CustomerContact;

/** What the collection API and pages show: records only, mapped from rows. */
public final class CaseViews {

    private CaseViews() {
    }

    /** A case in a queue. */
    @Schema(description = "A collection case: the overdue loan, its bucket and score, who works it and its flags.")
    public record CaseSummary(UUID id, UUID loanId, UUID customerId, @Nullable String contractNumber,
                              @Schema(allowableValues = {"OPEN", "CLOSED"}) String status,
                              @Schema(example = "M1", allowableValues = {"M1", "M2", "M3+"}) String bucket,
                              int daysPastDue, BigDecimal amountOverdue, LocalDate asOf, LocalDate openedOn,
                              @Nullable LocalDate closedOn, @Nullable String closeReason,
                              @Schema(description = "B-card score: lower is riskier; the queue shows the riskiest first")
                              @Nullable Integer score, @Nullable String scoreGrade, @Nullable UUID collectorId,
                              boolean escalated, @Nullable String escalationReason, boolean outsourced,
                              @Nullable String outsourcedAgency, @Nullable Instant quietHoursConsentAt, BigDecimal recovered) {

        static CaseSummary map(ResultSet rs, int n) throws SQLException {
            return new CaseSummary(rs.getObject("id", UUID.class), rs.getObject("loan_id", UUID.class),
                    rs.getObject("customer_id", UUID.class), rs.getString("contract_number"), rs.getString("status"),
                    org.xiaodai.collection.domain.Bucket.valueOf(rs.getString("bucket")).label(), rs.getInt("days_past_due"),
                    rs.getBigDecimal("amount_overdue"), rs.getObject("as_of", LocalDate.class),
                    rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                    rs.getString("close_reason"), (Integer) rs.getObject("score"), rs.getString("score_grade"),
                    rs.getObject("collector_id", UUID.class), rs.getBoolean("escalated"), rs.getString("escalation_reason"),
                    rs.getBoolean("outsourced"), rs.getString("outsourced_agency"),
                    rs.getTimestamp("quiet_hours_consent_at") == null ? null : rs.getTimestamp("quiet_hours_consent_at").toInstant(),
                    rs.getBigDecimal("recovered"));
        }
    }

    /** One contact of the log. */
    @Schema(description = "One logged contact: when, with whom (named contact), how, what came of it.")
    public record ContactEntry(UUID id, UUID contactId, boolean borrower,
                               @Schema(allowableValues = {"CALL", "SMS", "VISIT", "LETTER"}) String channel,
                               @Schema(allowableValues = {"ANSWERED", "NO_ANSWER", "PROMISE_TO_PAY", "REFUSED_TO_PAY",
                                       "WRONG_NUMBER", "LEFT_MESSAGE"}) String outcome,
                               @Nullable String note, Instant contactedAt, UUID collectorId, String collectorName) {

        static ContactEntry map(ResultSet rs, int n) throws SQLException {
            return new ContactEntry(rs.getObject("id", UUID.class), rs.getObject("contact_id", UUID.class),
                    rs.getBoolean("borrower"), rs.getString("channel"), rs.getString("outcome"), rs.getString("note"),
                    rs.getTimestamp("contacted_at").toInstant(), rs.getObject("collector_id", UUID.class),
                    rs.getString("collector_name"));
        }
    }

    /** A promise to pay and how it went. */
    @Schema(description = "A promise to pay (承诺还款): amount by a date; kept when paid, broken when the date passed unpaid.")
    public record Promise(UUID id, BigDecimal amount, String currency, LocalDate promisedDate, LocalDate madeOn,
                         @Schema(allowableValues = {"OPEN", "KEPT", "BROKEN"}) String status, BigDecimal paid,
                         @Nullable LocalDate resolvedOn, @Nullable String note) {

        static Promise map(ResultSet rs, int n) throws SQLException {
            return new Promise(rs.getObject("id", UUID.class), rs.getBigDecimal("amount"), rs.getString("currency"),
                    rs.getObject("promised_date", LocalDate.class), rs.getObject("made_on", LocalDate.class),
                    rs.getString("status"), rs.getBigDecimal("paid"), rs.getObject("resolved_on", LocalDate.class),
                    rs.getString("note"));
        }
    }

    /** A repayment that came in while the case was open. */
    @Schema(description = "A repayment booked while the case was open (recovery).")
    public record Payment(UUID id, BigDecimal amount, String bucket, LocalDate businessDate) {
    }

    /** One installment of the schedule as of the case's date. */
    @Schema(description = "An installment of the loan's schedule with what is still unpaid of it.")
    public record Installment(int n, LocalDate dueDate, BigDecimal principalDue, BigDecimal interestDue,
                              BigDecimal unpaidPrincipal, BigDecimal unpaidInterest, BigDecimal penaltyOutstanding) {
    }

    /** What the borrower owes on the business date (from servicing), when servicing can say. */
    @Schema(description = "What is owed today: overdue principal, interest and penalty, and the principal outstanding.")
    public record Owed(LocalDate asOf, int daysPastDue, BigDecimal overduePrincipal, BigDecimal overdueInterest,
                       BigDecimal penalty, BigDecimal total, BigDecimal principalOutstanding) {
    }

    /** The case view: the case, the loan's position and schedule, whom to contact, and the history. */
    @Schema(description = "A collection case with the loan's position and schedule, the contacts the borrower named "
            + "(masked) and the history of contacts, promises and payments.")
    public record CaseDetail(CaseSummary summary, @Nullable Owed owedToday, List<Installment> schedule,
                             List<CustomerContact> contacts, List<ContactEntry> contactLog, List<Promise> promises,
                             List<Payment> payments) {
    }

    /** Collection statistics of one institution, or of the region for the regulator. */
    @Schema(description = "Contact rate, promise-kept rate and recovery by bucket.")
    public record Statistics(long openCases, long casesContacted, long casesReached,
                             @Schema(description = "cases reached (right-party contact) / cases, 4 decimals")
                             BigDecimal contactRate, long promisesKept, long promisesBroken, long promisesOpen,
                             @Schema(description = "kept / (kept + broken), 4 decimals; 0 when none resolved")
                             BigDecimal promiseKeptRate, List<BucketFigures> buckets) {
    }

    /** Figures of one bucket. */
    @Schema(description = "One bucket: open cases, overdue amount, what was recovered and the recovery rate.")
    public record BucketFigures(@Schema(allowableValues = {"M1", "M2", "M3+"}) String bucket, long openCases,
                                BigDecimal amountOverdue, BigDecimal recovered,
                                @Schema(description = "recovered / (recovered + amount overdue), 4 decimals") BigDecimal recoveryRate) {
    }
}
