package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.xiaodai.calc.FiveLevelGrade;
import org.xiaodai.calc.InstallmentPosition;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.calc.Schedule;
import org.xiaodai.calc.ServicingCalculator;
import org.xiaodai.servicing.InstallmentOverdue;
import org.xiaodai.servicing.InstallmentsOverdue;
import org.xiaodai.servicing.LedgerPosting;
import org.xiaodai.servicing.LoanGradeChanged;
import org.xiaodai.servicing.LoanGradesChanged;
import org.xiaodai.servicing.LoanPaidOff;
import org.xiaodai.servicing.LoanState;
import org.xiaodai.servicing.domain.Balances;
import org.xiaodai.servicing.domain.Earned;
import org.xiaodai.servicing.domain.Grades;

/**
 * Derives a loan's state with the servicing engine and books a change: one balanced voucher
 * (published as {@link LedgerPosting}, booked by {@code ledger} in this transaction) taking the
 * general ledger from the engine's balances before the change to those after it, the loan row, the
 * dated grade history and the events. The general ledger holds for every loan exactly what the
 * engine derives as of the business date (end of day posts each day's accrual, penalties and
 * credit applied), so the reconciliation's difference is zero. Every write path (repayment, reversal, refund, end of day, schedule
 * changes) ends here, so the sub-ledger and the general ledger cannot drift apart.
 */
@Component
class LoanBook {

    private final LoanRepository loans;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ServicingCalculator engine = new ServicingCalculator();

    LoanBook(LoanRepository loans, ApplicationEventPublisher events, Clock clock) {
        this.loans = loans;
        this.events = events;
        this.clock = clock;
    }

    /** A loan's derived state as of a date. */
    record Derived(LoanPosition position, Balances balances, LoanState status, FiveLevelGrade grade,
                   LocalDate oldestUnpaidDue, LocalDate nextDueDate) {
    }

    Derived derive(LoanRow loan, Schedule schedule, LoanRepository.Movements movements, LocalDate asOf) {
        // only what was booked by the date counts (a day closed again later must not see later bookings)
        List<org.xiaodai.calc.Repayment> repayments = movements.repayments().stream()
                .filter(r -> !r.date().isAfter(asOf)).toList();
        List<org.xiaodai.calc.Repayment> refunds = movements.refunds().stream()
                .filter(r -> !r.date().isAfter(asOf)).toList();
        LoanPosition p = engine.position(schedule, loan.policy(), repayments, refunds, asOf).value();
        return derived(loan, schedule, p, asOf);
    }

    /**
     * A loan's derived state as of {@code day} and as of {@code next} from one replay of the engine
     * ({@code ServicingCalculator.positions}), equal to two {@link #derive} calls.
     */
    List<Derived> deriveBoth(LoanRow loan, Schedule schedule, LoanRepository.Movements movements, LocalDate day,
                             LocalDate next) {
        List<org.xiaodai.calc.Repayment> repayments = movements.repayments().stream()
                .filter(r -> !r.date().isAfter(next)).toList();
        List<org.xiaodai.calc.Repayment> refunds = movements.refunds().stream()
                .filter(r -> !r.date().isAfter(next)).toList();
        List<LoanPosition> both = engine.positions(schedule, loan.policy(), repayments, refunds, day, next).value();
        return List.of(derived(loan, schedule, both.get(0), day), derived(loan, schedule, both.get(1), next));
    }

    private Derived derived(LoanRow loan, Schedule schedule, LoanPosition p, LocalDate asOf) {
        BigDecimal earned = Earned.by(schedule.installments(), asOf, loan.digits(), loan.terms().roundingMode().mode());
        LoanState status = switch (p.status()) {
            case PAID_OFF -> LoanState.PAID_OFF;
            case OVERDUE -> LoanState.OVERDUE;
            case ACTIVE -> LoanState.ACTIVE;
        };
        LocalDate oldest = null;
        LocalDate next = null;
        for (InstallmentPosition i : p.installments()) {
            boolean unpaid = i.unpaidPrincipal().signum() > 0 || i.unpaidInterest().signum() > 0;
            if (unpaid && oldest == null) {
                oldest = i.dueDate();
            }
            if (next == null && !i.dueDate().isBefore(asOf) && unpaid) {
                next = i.dueDate();
            }
        }
        FiveLevelGrade grade = status == LoanState.PAID_OFF ? FiveLevelGrade.NORMAL
                : Grades.effective(p.grade(), loan.manualGrade(), loan.watchUntil(), asOf);
        return new Derived(p, Balances.of(p, earned), status, grade, oldest, next);
    }

    Derived derive(LoanRow loan, LocalDate asOf) {
        return derive(loan, loans.schedule(loan), loans.movements(loan.id()), asOf);
    }

    /**
     * One change to book.
     *
     * @param before     the balances the ledger holds now
     * @param after      the derived state to move to
     * @param cash       money in (+) or out (−) through the bank with this change
     * @param eventId    the voucher's idempotency key
     * @param gradeReason why a grade change happened, if one does
     */
    record Change(LoanRow loan, Balances before, Derived after, BigDecimal cash, String kind, UUID eventId,
                  LocalDate date, String gradeReason, UUID actor, UUID reversesEventId) {
    }

    /** Books the change; returns the voucher lines (empty when nothing moved). */
    List<LedgerPosting.Line> apply(Change c) {
        List<LedgerPosting.Line> lines = c.before().linesTo(c.after().balances(), c.cash());
        if (!lines.isEmpty()) {
            events.publishEvent(new LedgerPosting(c.eventId(), c.loan().institutionId(), c.date(), c.kind(),
                    c.loan().id(), c.reversesEventId(), lines));
        }
        write(c.loan(), c.after(), c.date(), c.gradeReason(), c.actor());
        return lines;
    }

    /** Writes the derived state to the loan row, records a grade change and publishes what happened. */
    void write(LoanRow loan, Derived d, LocalDate date, String gradeReason, UUID actor) {
        loans.update(loan.id(), d.status(), d.balances(), d.oldestUnpaidDue(), d.nextDueDate(), d.grade().name(), date,
                clock.instant());
        followUp(loan, d, date, gradeReason, actor);
    }

    /** One loan's state for {@link #writeAll}. */
    record Write(LoanRow loan, Derived derived, LocalDate date, String gradeReason, UUID actor) {
    }

    /**
     * {@link #write} of many loans: the rows in one batch, then the grade history in one batch and the
     * grade changes and loans falling overdue as one {@link LoanGradesChanged} and one
     * {@link InstallmentsOverdue} per date (each listener handles each element as if it had come alone).
     */
    void writeAll(List<Write> writes) {
        loans.updateAll(writes.stream().map(w -> new LoanRepository.StateUpdate(w.loan().id(), w.derived().status(),
                w.derived().balances(), w.derived().oldestUnpaidDue(), w.derived().nextDueDate(),
                w.derived().grade().name(), w.date())).toList(), clock.instant());
        Gathered gathered = new Gathered();
        for (Write w : writes) {
            Derived d = w.derived();
            followUp(w.loan(), d.status(), d.grade(), d.oldestUnpaidDue(), d.position().daysPastDue(),
                    d.position().overduePrincipal(), d.position().overdueInterest(), w.date(), w.gradeReason(), w.actor(),
                    gathered);
        }
        gathered.publish();
    }

    private void followUp(LoanRow loan, Derived d, LocalDate date, String gradeReason, UUID actor) {
        followUp(loan, d.status(), d.grade(), d.oldestUnpaidDue(), d.position().daysPastDue(),
                d.position().overduePrincipal(), d.position().overdueInterest(), date, gradeReason, actor, null);
    }

    /**
     * The grade history, grade change and overdue events of a change; with {@code gathered} the history
     * rows and events are collected for one batch each instead of written and published one by one.
     */
    private void followUp(LoanRow loan, LoanState status, FiveLevelGrade grade, LocalDate oldestUnpaidDue, long daysPastDue,
                          BigDecimal overduePrincipal, BigDecimal overdueInterest, LocalDate date, String gradeReason,
                          UUID actor, Gathered gathered) {
        if (grade != loan.grade()) {
            LoanGradeChanged changed = new LoanGradeChanged(loan.id(), loan.institutionId(), date, loan.grade().name(),
                    grade.name(), gradeReason, daysPastDue);
            if (gathered == null) {
                loans.insertGradeChange(loan.institutionId(), loan.id(), date, loan.grade().name(), grade.name(),
                        gradeReason, null, actor, clock.instant());
                events.publishEvent(changed);
            } else {
                gathered.history.add(new LoanRepository.GradeChange(loan.institutionId(), loan.id(), date,
                        loan.grade().name(), grade.name(), gradeReason, null, actor));
                gathered.grades.add(changed);
            }
        }
        if (status == LoanState.PAID_OFF && loan.status() != LoanState.PAID_OFF) {
            events.publishEvent(new LoanPaidOff(loan.id(), loan.institutionId(), loan.customerId(), date));
        }
        if (status == LoanState.OVERDUE && loan.status() != LoanState.OVERDUE) {
            // every way into overdue (end of day, a reversal, the demo's history) tells collections and the borrower
            InstallmentOverdue overdue = new InstallmentOverdue(loan.id(), loan.institutionId(), loan.customerId(),
                    loan.officerId(), oldestUnpaidDue, date, daysPastDue, overduePrincipal, overdueInterest);
            if (gathered == null) {
                events.publishEvent(overdue);
            } else {
                gathered.overdue.add(overdue);
            }
        }
    }

    /**
     * The grade history rows and events of several loans written together: the rows go in one batch,
     * the events as one batch event per institution and date — the grade changes before the loans
     * falling overdue, so each loan's own events keep the order {@link #followUp} gives them alone.
     */
    private final class Gathered {
        final List<LoanRepository.GradeChange> history = new ArrayList<>();
        final List<LoanGradeChanged> grades = new ArrayList<>();
        final List<InstallmentOverdue> overdue = new ArrayList<>();

        void publish() {
            loans.insertGradeChanges(history, clock.instant());
            grades.stream().collect(Collectors.groupingBy(g -> new Key(g.institutionId(), g.changedOn()),
                            LinkedHashMap::new, Collectors.toList()))
                    .forEach((k, batch) -> events.publishEvent(new LoanGradesChanged(k.institutionId(), k.date(), batch)));
            overdue.stream().collect(Collectors.groupingBy(o -> new Key(o.institutionId(), o.asOf()),
                            LinkedHashMap::new, Collectors.toList()))
                    .forEach((k, batch) -> events.publishEvent(new InstallmentsOverdue(k.institutionId(), k.date(), batch)));
        }
    }

    private record Key(UUID institutionId, LocalDate date) {
    }

    /**
     * An overdue loan's state as of {@code date} worked out without the engine ({@code OverdueStep.Closed}):
     * its row is written as {@link #writeAll} would, with the same grade history and events.
     */
    record ClosedWrite(LoanRow loan, LocalDate date, LocalDate oldestUnpaidDue, LocalDate nextDueDate, FiveLevelGrade grade,
                       BigDecimal penaltyCharged, long daysPastDue, BigDecimal overduePrincipal, BigDecimal overdueInterest) {
    }

    /** {@link ClosedWrite}s: overdue, the row's principal, interest paid, penalty paid and credit, the new penalty charged. */
    void writeAllClosed(List<ClosedWrite> writes) {
        loans.updateAll(writes.stream().map(w -> new LoanRepository.StateUpdate(w.loan().id(), LoanState.OVERDUE,
                // interest earned is not a column of the row (the accrual step's), so the row's figures stand in for it
                new Balances(w.loan().principalOutstanding(), w.loan().interestPaid(), w.loan().interestPaid(),
                        w.penaltyCharged(), w.loan().penaltyPaid(), w.loan().creditBalance()),
                w.oldestUnpaidDue(), w.nextDueDate(), w.grade().name(), w.date())).toList(), clock.instant());
        Gathered gathered = new Gathered();
        for (ClosedWrite w : writes) {
            followUp(w.loan(), LoanState.OVERDUE, w.grade(), w.oldestUnpaidDue(), w.daysPastDue(), w.overduePrincipal(),
                    w.overdueInterest(), w.date(), "DAYS_PAST_DUE", null, gathered);
        }
        gathered.publish();
    }
}
