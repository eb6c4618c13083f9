package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.calc.FiveLevelGrade;
import org.xiaodai.calc.Installment;
import org.xiaodai.calc.LoanCalculator;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.PrepaymentRequest;
import org.xiaodai.calc.PrepaymentResult;
import org.xiaodai.calc.PrepaymentStrategy;
import org.xiaodai.calc.Repayment;
import org.xiaodai.calc.Schedule;
import org.xiaodai.servicing.AccountRole;
import org.xiaodai.servicing.LedgerPosting;
import org.xiaodai.servicing.LoanRestructured;
import org.xiaodai.servicing.LoanState;
import org.xiaodai.servicing.LoanWrittenOff;
import org.xiaodai.servicing.domain.Balances;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

/**
 * What changes a loan's schedule or takes it off the books: payoff quote and payoff (提前结清,
 * interest only for the days used), partial prepayment (提前还款: shorter term or lower installment,
 * through {@code calc}'s prepayment), manual downgrade (人工下调) with a reason, write-off (核销) and
 * restructuring / extension (重组 / 展期) once a second user approved them. Each new schedule
 * version keeps every row already due, so earlier repayments allocate as before.
 */
@Service
public class LoanWorkouts {

    private final LoanRepository loans;
    private final LoanBook book;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Period watchPeriod;
    private final LoanCalculator calculator = new LoanCalculator();

    LoanWorkouts(LoanRepository loans, LoanBook book, BusinessDate businessDate, AuditTrail audit,
                 ApplicationEventPublisher events, JdbcClient jdbc, Clock clock,
                 @Value("${xiaodai.servicing.watch-period:P6M}") Period watchPeriod) {
        this.loans = loans;
        this.book = book;
        this.businessDate = businessDate;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.watchPeriod = watchPeriod;
    }

    /** What repays the loan in full on a date, assuming nothing else is paid before it. */
    public record PayoffQuote(LocalDate date, BigDecimal principal, BigDecimal interest, BigDecimal penalty,
                              BigDecimal credit, BigDecimal total) {
    }

    @Transactional(readOnly = true)
    public PayoffQuote quote(UUID loanId, LocalDate date) {
        LoanRow loan = loans.find(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        Repayments.requireOpen(loan);
        LocalDate today = businessDate.of(loan.institutionId());
        LocalDate on = date == null ? today : date;
        if (on.isBefore(today)) {
            throw ProblemException.invalid("date", "notBeforeBusinessDate", today.toString());
        }
        Schedule schedule = loans.schedule(loan);
        return quote(loan, payoffSchedule(loan, schedule, on), loans.movements(loanId), on);
    }

    private PayoffQuote quote(LoanRow loan, Schedule payoff, LoanRepository.Movements m, LocalDate on) {
        LoanPosition p = book.derive(loan, payoff, m, on).position();
        BigDecimal interest = p.installments().stream().map(org.xiaodai.calc.InstallmentPosition::unpaidInterest)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal principal = p.principalOutstanding();
        BigDecimal total = principal.add(interest).add(p.penaltyOutstanding()).subtract(p.credit()).max(BigDecimal.ZERO);
        return new PayoffQuote(on, principal, interest, p.penaltyOutstanding(), p.credit(),
                total.setScale(loan.digits(), RoundingMode.UNNECESSARY));
    }

    private Schedule payoffSchedule(LoanRow loan, Schedule schedule, LocalDate on) {
        if (!on.isAfter(loan.disbursementDate())) {
            throw ProblemException.conflict("payoff-on-disbursement-date");
        }
        BigDecimal rest = ScheduleChanges.notYetDue(schedule.installments(), on);
        return LoanRepository.schedule(loan.terms(), ScheduleChanges.cutAt(schedule.installments(), on, rest,
                loan.digits(), loan.terms().roundingMode().mode()));
    }

    /** Pays the loan off on the business date: a new schedule version ending today, and the payment that settles it. */
    @Transactional
    public BookedTransaction payoff(UUID loanId, String key, String channel, UUID actor) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw ProblemException.invalid("idempotencyKey", key == null || key.isBlank() ? "required" : "maxLength", 100);
        }
        LoanRow loan = loans.lock(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        var earlier = loans.byKey(loanId, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Repayments.requireOpen(loan);
        LocalDate on = businessDate.of(loan.institutionId());
        Schedule old = loans.schedule(loan);
        Schedule cut = payoffSchedule(loan, old, on);
        LoanRepository.Movements m = loans.movements(loanId);
        PayoffQuote q = quote(loan, cut, m, on);
        Balances before = book.derive(loan, old, m, on).balances();
        int version = newVersion(loan, "PAYOFF", on, cut.installments());
        UUID id = UUID.randomUUID();
        List<Repayment> repayments = new ArrayList<>(m.repayments());
        if (q.total().signum() > 0) {
            repayments.add(new Repayment(on, q.total()));
        }
        LoanRow current = loans.find(loanId).orElseThrow();
        LoanBook.Derived after = book.derive(current, cut, new LoanRepository.Movements(repayments, List.of(), m.refunds()), on);
        var a = q.total().signum() > 0 ? after.position().allocations().getLast() : null;
        loans.insert(new LoanRepository.NewTransaction(id, loan.institutionId(), loanId, "PAYOFF", on, q.total(),
                channel == null ? "TRANSFER" : channel, key, null, a == null ? null : a.penalty(),
                a == null ? null : a.interest(), a == null ? null : a.principal(), a == null ? null : a.toCredit(),
                "schedule version " + version, actor), clock.instant());
        book.apply(new LoanBook.Change(current, before, after, q.total(), "PAYOFF", id, on, "REPAYMENT", actor, null));
        audit.record(AuditRecord.changed("servicing.loan.paid-off", "loan", loanId, loan.institutionId(),
                Map.of("status", loan.status().name()), Map.of("amount", q.total(), "scheduleVersion", version)));
        return loans.transaction(loanId, id).orElseThrow();
    }

    /** A partial prepayment on the business date through {@code calc}: shorter term or lower installment. */
    @Transactional
    public BookedTransaction prepay(UUID loanId, BigDecimal amount, PrepaymentStrategy strategy, String key, UUID actor) {
        LoanRow loan = loans.lock(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        var earlier = loans.byKey(loanId, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (loan.status() != LoanState.ACTIVE) {
            throw ProblemException.conflict("loan-not-current", loan.status().name());
        }
        LocalDate on = businessDate.of(loan.institutionId());
        Schedule old = loans.schedule(loan);
        LoanRepository.Movements m = loans.movements(loanId);
        LoanBook.Derived now = book.derive(loan, old, m, on);
        int paid = (int) now.position().installments().stream().filter(i -> !i.dueDate().isAfter(on)).count();
        // calc prepays the loan's own schedule (its level installment included): only while it is still in force
        Schedule forCalc = calculator.schedule(loan.terms()).value();
        if (!sameRows(forCalc, old)) {
            throw ProblemException.conflict("prepayment-after-schedule-change");
        }
        var outcome = calculator.prepay(new PrepaymentRequest(forCalc, on, paid, amount, strategy));
        if (!outcome.isSuccess()) {
            var v = outcome.violations().getFirst();
            throw ProblemException.invalid("amount".equals(v.field()) || "date".equals(v.field()) ? v.field() : "amount",
                    v.rule());
        }
        PrepaymentResult r = outcome.value();
        List<Installment> head = ScheduleChanges.cutAt(old.installments(), on, r.principalPaid(), loan.digits(),
                loan.terms().roundingMode().mode());
        Installment cutRow = head.removeLast();
        head.add(new Installment(cutRow.n(), cutRow.periodStart(), cutRow.dueDate(), BigDecimal.ZERO, r.interestPaid(),
                r.principalPaid(), r.interestPaid(), r.principalPaid().add(r.interestPaid()), cutRow.balanceAfter()));
        List<Installment> rows = ScheduleChanges.append(head, r.newSchedule().installments());
        Schedule combined = LoanRepository.schedule(loan.terms(), rows);
        int version = newVersion(loan, "PREPAYMENT", on, rows);
        UUID id = UUID.randomUUID();
        List<Repayment> repayments = new ArrayList<>(m.repayments());
        repayments.add(new Repayment(on, amount));
        LoanRow current = loans.find(loanId).orElseThrow();
        LoanBook.Derived after = book.derive(current, combined, new LoanRepository.Movements(repayments, List.of(), m.refunds()), on);
        var a = after.position().allocations().getLast();
        loans.insert(new LoanRepository.NewTransaction(id, loan.institutionId(), loanId, "PREPAYMENT", on, amount,
                "TRANSFER", key, null, a.penalty(), a.interest(), a.principal(), a.toCredit(),
                strategy.name() + ", schedule version " + version, actor), clock.instant());
        book.apply(new LoanBook.Change(current, now.balances(), after, amount, "PREPAYMENT", id, on, "REPAYMENT", actor, null));
        jdbc.sql("update servicing_loan set maturity_date = ? where id = ?").params(rows.getLast().dueDate(), loanId).update();
        audit.record(AuditRecord.changed("servicing.loan.prepaid", "loan", loanId, loan.institutionId(),
                Map.of("scheduleVersion", loan.scheduleVersion()), Map.of("scheduleVersion", version, "amount", amount,
                        "strategy", strategy.name())));
        return loans.transaction(loanId, id).orElseThrow();
    }

    /** 人工下调: the grade made worse with a reason; never better than the days-past-due minimum. */
    @Transactional
    public void downgrade(UUID loanId, FiveLevelGrade grade, String reason, UUID actor) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.invalid("reason", reason == null || reason.isBlank() ? "required" : "maxLength", 500);
        }
        LoanRow loan = loans.lock(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        Repayments.requireOpen(loan);
        LocalDate on = businessDate.of(loan.institutionId());
        LoanBook.Derived now = book.derive(loan, on);
        if (grade.compareTo(now.position().grade()) < 0) {
            throw ProblemException.invalid("grade", "belowDaysPastDueMinimum", now.position().grade().name());
        }
        jdbc.sql("update servicing_loan set manual_grade = ?, updated_at = ? where id = ?")
                .params(grade.name(), Timestamp.from(clock.instant()), loanId).update();
        LoanRow updated = loans.find(loanId).orElseThrow();
        LoanBook.Derived after = book.derive(updated, on);
        if (after.grade() != loan.grade()) {
            loans.insertGradeChange(loan.institutionId(), loanId, on, loan.grade().name(), after.grade().name(), "MANUAL",
                    reason, actor, clock.instant());
            jdbc.sql("update servicing_loan set grade = ? where id = ?").params(after.grade().name(), loanId).update();
            events.publishEvent(new org.xiaodai.servicing.LoanGradeChanged(loanId, loan.institutionId(), on,
                    loan.grade().name(), after.grade().name(), "MANUAL", now.position().daysPastDue()));
        }
        audit.record(AuditRecord.changed("servicing.loan.downgraded", "loan", loanId, loan.institutionId(),
                Map.of("grade", loan.grade().name()), Map.of("grade", after.grade().name(), "reason", reason)));
    }

    /** 核销, applied when a second user approved it: the loan leaves the books against the provision. */
    @Transactional
    public void writeOff(UUID loanId, String reason, UUID approver) {
        LoanRow loan = loans.lock(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        if (loan.status() != LoanState.OVERDUE) {
            throw ProblemException.conflict("write-off-needs-overdue-loan", loan.status().name());
        }
        LocalDate on = businessDate.of(loan.institutionId());
        LoanBook.Derived now = book.derive(loan, on);
        Balances b = now.balances();
        if (b.credit().signum() > 0) {
            throw ProblemException.conflict("credit-balance-held", b.credit().toPlainString());
        }
        UUID id = UUID.randomUUID();
        List<LedgerPosting.Line> lines = new ArrayList<>();
        pair(lines, AccountRole.LOAN_LOSS_PROVISION, AccountRole.LOAN_PRINCIPAL, b.principal());
        pair(lines, AccountRole.INTEREST_INCOME, AccountRole.INTEREST_RECEIVABLE, b.interestReceivable());
        pair(lines, AccountRole.PENALTY_INCOME, AccountRole.PENALTY_RECEIVABLE, b.penaltyReceivable());
        loans.insert(new LoanRepository.NewTransaction(id, loan.institutionId(), loanId, "WRITE_OFF", on, b.principal(),
                "SYSTEM", null, null, b.penaltyReceivable(), b.interestReceivable(), b.principal(), null, reason, approver),
                clock.instant());
        if (!lines.isEmpty()) {
            events.publishEvent(new LedgerPosting(id, loan.institutionId(), on, "WRITE_OFF", loanId, null, lines));
        }
        jdbc.sql("""
                update servicing_loan set status = 'WRITTEN_OFF', written_off_on = ?, written_off_principal = ?,
                    principal_outstanding = 0, credit_balance = 0, updated_at = ?, row_version = row_version + 1 where id = ?
                """).params(on, b.principal(), Timestamp.from(clock.instant()), loanId).update();
        audit.record(AuditRecord.changed("servicing.loan.written-off", "loan", loanId, loan.institutionId(),
                Map.of("status", loan.status().name()), Map.of("status", "WRITTEN_OFF", "principal", b.principal(),
                        "reason", reason)));
        events.publishEvent(new LoanWrittenOff(loanId, loan.institutionId(), on, b.principal(), b.interestReceivable(),
                b.penaltyReceivable(), approver));
    }

    private static void pair(List<LedgerPosting.Line> lines, AccountRole debit, AccountRole credit, BigDecimal amount) {
        if (amount.signum() > 0) {
            lines.add(LedgerPosting.Line.debit(debit, amount));
            lines.add(LedgerPosting.Line.credit(credit, amount));
        } else if (amount.signum() < 0) {
            lines.add(LedgerPosting.Line.credit(debit, amount.negate()));
            lines.add(LedgerPosting.Line.debit(credit, amount.negate()));
        }
    }

    /**
     * 重组 / 展期, applied when approved, on the business date D: everything owed on D — the unpaid
     * principal and interest of every installment due by D (the current period cut at D with the
     * interest of the days used), the penalty and compound interest charged — is folded into the new
     * schedule together with the principal not yet due. The new terms' principal is their sum; the
     * fold is booked as a movement on D that the engine allocates like a repayment (so nothing stays
     * overdue and no more penalty runs on the old installments), with no cash: the voucher moves the
     * folded interest and penalty receivable into loan principal. The loan is flagged and kept at
     * least 关注 for the watch period ({@code xiaodai.servicing.watch-period}).
     */
    @Transactional
    public void restructure(UUID loanId, String kind, int numberOfRepayments, BigDecimal ratePercent, String reason,
                            UUID approver) {
        LoanRow loan = loans.lock(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        Repayments.requireOpen(loan);
        LocalDate on = businessDate.of(loan.institutionId());
        Schedule old = loans.schedule(loan);
        BigDecimal rest = ScheduleChanges.notYetDue(old.installments(), on);
        if (rest.signum() == 0 || !on.isAfter(loan.disbursementDate())) {
            throw ProblemException.conflict("nothing-to-restructure");
        }
        LoanRepository.Movements m = loans.movements(loanId);
        Balances before = book.derive(loan, old, m, on).balances();
        List<Installment> head = ScheduleChanges.cutAt(old.installments(), on, BigDecimal.ZERO, loan.digits(),
                loan.terms().roundingMode().mode());
        BigDecimal fold = WithholdingStep.owed(book.derive(loan, LoanRepository.schedule(loan.terms(), head), m, on)
                .position(), on).max(BigDecimal.ZERO);
        LoanTerms newTerms = loan.terms().toBuilder().principal(rest.add(fold))
                .annualInterestRatePercent(ratePercent == null ? loan.terms().annualInterestRatePercent() : ratePercent)
                .numberOfRepayments(numberOfRepayments).disbursementDate(on).firstRepaymentDate(on.plusMonths(1))
                .repaymentEvery(1).repaymentFrequency(org.xiaodai.calc.RepaymentFrequency.MONTHS)
                .graceOnPrincipalPeriods(0).graceOnInterestPaymentPeriods(0).build();
        var outcome = calculator.schedule(newTerms);
        if (!outcome.isSuccess()) {
            var v = outcome.violations().getFirst();
            throw ProblemException.invalid(v.field(), v.rule());
        }
        List<Installment> rows = ScheduleChanges.append(head, outcome.value().installments());
        Schedule combined = LoanRepository.schedule(loan.terms(), rows);
        int version = newVersion(loan, kind, on, rows);
        LocalDate watchUntil = on.plus(watchPeriod);
        jdbc.sql("""
                update servicing_loan set restructured = true, watch_until = ?, maturity_date = ?, updated_at = ? where id = ?
                """).params(watchUntil, rows.getLast().dueDate(), Timestamp.from(clock.instant()), loanId).update();
        LoanRow current = loans.find(loanId).orElseThrow();
        LoanRepository.Movements folded = m;
        org.xiaodai.calc.RepaymentAllocation a = null;
        if (fold.signum() > 0) {
            List<org.xiaodai.calc.Repayment> repayments = new java.util.ArrayList<>(m.repayments());
            repayments.add(new org.xiaodai.calc.Repayment(on, fold));
            folded = new LoanRepository.Movements(repayments, List.of(), m.refunds());
        }
        LoanBook.Derived after = book.derive(current, combined, folded, on);
        if (fold.signum() > 0) {
            a = after.position().allocations().getLast();
        }
        UUID id = UUID.randomUUID();
        loans.insert(new LoanRepository.NewTransaction(id, loan.institutionId(), loanId, "RESTRUCTURING", on,
                rest.add(fold), "SYSTEM", null, null, a == null ? null : a.penalty(), a == null ? null : a.interest(),
                a == null ? null : a.principal(), a == null ? null : a.toCredit(), kind + ": " + reason, approver),
                clock.instant());
        book.apply(new LoanBook.Change(current, before, after, BigDecimal.ZERO, "RESTRUCTURING", id, on, "RESTRUCTURING",
                approver, null));
        audit.record(AuditRecord.changed("servicing.loan.restructured", "loan", loanId, loan.institutionId(),
                Map.of("scheduleVersion", loan.scheduleVersion()), Map.of("scheduleVersion", version, "kind", kind,
                        "principal", rest.add(fold), "notYetDue", rest, "folded", fold,
                        "numberOfRepayments", numberOfRepayments, "watchUntil", watchUntil.toString())));
        events.publishEvent(new LoanRestructured(loanId, loan.institutionId(), on, version, kind, rest.add(fold),
                rows.getLast().dueDate(), watchUntil));
    }

    private static boolean sameRows(Schedule a, Schedule b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Installment x = a.installments().get(i);
            Installment y = b.installments().get(i);
            if (!x.dueDate().equals(y.dueDate()) || x.principal().compareTo(y.principal()) != 0
                    || x.interest().compareTo(y.interest()) != 0) {
                return false;
            }
        }
        return true;
    }

    private int newVersion(LoanRow loan, String reason, LocalDate on, List<Installment> rows) {
        int version = loan.scheduleVersion() + 1;
        loans.insertSchedule(loan.id(), loan.institutionId(), version, reason, on, loan.terms(), rows, clock.instant());
        jdbc.sql("update servicing_loan set schedule_version = ? where id = ?").params(version, loan.id()).update();
        return version;
    }
}
