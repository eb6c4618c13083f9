package org.xiaodai.notification.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xiaodai.notification.Notice;
import org.xiaodai.notification.NotificationEvent;
import org.xiaodai.servicing.InstallmentOverdue;
import org.xiaodai.servicing.InstallmentsOverdue;
import org.xiaodai.servicing.LoanDisbursed;
import org.xiaodai.servicing.LoanGradeChanged;
import org.xiaodai.servicing.LoanGradesChanged;
import org.xiaodai.servicing.Loans;
import org.xiaodai.servicing.RepaymentReceived;
import org.xiaodai.servicing.RepaymentsReceived;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.time.BusinessDate;

/**
 * Tells borrowers what servicing did to their loans: paid out, repayment received, overdue, and a
 * worse five-level grade (before negative information reaches the credit bureau). Each reaction runs
 * after servicing committed, in its own transaction inside the institution's tenant wall, and
 * carries a dedupe key so a redelivered event notifies once. The loan is named by its contract
 * number (no personal data); amounts as plain decimals with grouping. News more than
 * {@value #MAX_AGE_DAYS} business days old is not told (back-dated bookings such as the demo portfolio).
 */
@Component
class ServicingNotices {

    private static final List<String> GRADES = List.of("NORMAL", "SPECIAL_MENTION", "SUBSTANDARD", "DOUBTFUL", "LOSS");

    /** News older than this (by business date) is not told: back-dated bookings (a migration, the demo) stay quiet. */
    static final int MAX_AGE_DAYS = 7;

    private final NotificationService notifications;
    private final ObjectProvider<Loans> loans;
    private final BusinessDate businessDate;

    ServicingNotices(NotificationService notifications, ObjectProvider<Loans> loans, BusinessDate businessDate) {
        this.notifications = notifications;
        this.loans = loans;
        this.businessDate = businessDate;
    }

    private boolean stale(UUID institutionId, LocalDate happened) {
        try {
            return happened.isBefore(businessDate.of(institutionId).minusDays(MAX_AGE_DAYS));
        } catch (java.util.NoSuchElementException e) {
            return false;
        }
    }

    @ApplicationModuleListener
    void disbursed(LoanDisbursed event) {
        if (stale(event.institutionId(), event.disbursementDate())) {
            return;
        }
        TenantWall.asInstitution(event.institutionId(), () -> notifications.notify(new Notice(event.institutionId(),
                event.customerId(), NotificationEvent.DISBURSED,
                Map.of("reference", reference(event.loanId()), "amount", amount(event.amount())),
                "disbursed:" + event.loanId())));
    }

    @ApplicationModuleListener
    void repaid(RepaymentReceived event) {
        if (stale(event.institutionId(), event.businessDate())) {
            return;
        }
        tell(event);
    }

    /** End of day's withholding: the partition's repayments in one event, each told as above (its own dedupe key). */
    @ApplicationModuleListener
    void repaid(RepaymentsReceived batch) {
        if (stale(batch.institutionId(), batch.businessDate())) {
            return;
        }
        batch.repayments().forEach(this::tell);
    }

    private void tell(RepaymentReceived event) {
        TenantWall.asInstitution(event.institutionId(), () -> summary(event.loanId()).ifPresent(loan ->
                notifications.notify(new Notice(event.institutionId(), loan.customerId(), NotificationEvent.REPAYMENT_RECEIVED,
                        Map.of("reference", name(loan), "amount", amount(event.amount())),
                        "repayment:" + event.transactionId()))));
    }

    @ApplicationModuleListener
    void overdue(InstallmentOverdue event) {
        if (stale(event.institutionId(), event.asOf())) {
            return;
        }
        tell(event);
    }

    /** End of day's overdue marking: the partition's loans falling overdue in one event, each told as above (its own dedupe key). */
    @ApplicationModuleListener
    void overdue(InstallmentsOverdue batch) {
        if (stale(batch.institutionId(), batch.asOf())) {
            return;
        }
        batch.loans().forEach(this::tell);
    }

    private void tell(InstallmentOverdue event) {
        TenantWall.asInstitution(event.institutionId(), () -> notifications.notify(new Notice(event.institutionId(),
                event.customerId(), NotificationEvent.OVERDUE,
                Map.of("reference", reference(event.loanId()),
                        "amount", amount(event.overduePrincipal().add(event.overdueInterest())),
                        "days", Long.toString(event.daysPastDue())),
                "overdue:" + event.loanId() + ":" + event.dueDate())));
    }

    /** Only a change for the worse is told (the borrower hears of the negative information before it is reported). */
    @ApplicationModuleListener
    void gradeChanged(LoanGradeChanged event) {
        if (!worse(event) || stale(event.institutionId(), event.changedOn())) {
            return;
        }
        tell(event);
    }

    /** End of day's grade changes of a partition in one event, each told as above (its own dedupe key). */
    @ApplicationModuleListener
    void gradeChanged(LoanGradesChanged batch) {
        if (stale(batch.institutionId(), batch.changedOn())) {
            return;
        }
        batch.changes().stream().filter(ServicingNotices::worse).forEach(this::tell);
    }

    private static boolean worse(LoanGradeChanged event) {
        return GRADES.indexOf(event.toGrade()) > GRADES.indexOf(event.fromGrade());
    }

    private void tell(LoanGradeChanged event) {
        TenantWall.asInstitution(event.institutionId(), () -> summary(event.loanId()).ifPresent(loan ->
                notifications.notify(new Notice(event.institutionId(), loan.customerId(), NotificationEvent.GRADE_CHANGED,
                        Map.of("reference", name(loan), "grade", event.toGrade()),
                        "grade:" + event.loanId() + ":" + event.changedOn() + ":" + event.toGrade()))));
    }

    private Optional<Loans.LoanSummary> summary(UUID loanId) {
        Loans facade = loans.getIfAvailable();
        return facade == null ? Optional.empty() : facade.summary(loanId);
    }

    private String reference(UUID loanId) {
        return summary(loanId).map(ServicingNotices::name).orElse(loanId.toString().substring(0, 8));
    }

    private static String name(Loans.LoanSummary loan) {
        return loan.contractNumber() != null ? loan.contractNumber() : loan.id().toString().substring(0, 8);
    }

    static String amount(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value.setScale(2, RoundingMode.HALF_EVEN));
    }
}
