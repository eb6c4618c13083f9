package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.calc.Repayment;
import org.xiaodai.calc.RepaymentAllocation;
import org.xiaodai.servicing.AccountRole;
import org.xiaodai.servicing.LedgerPosting;
import org.xiaodai.servicing.LoanState;
import org.xiaodai.servicing.RepaymentReceived;
import org.xiaodai.servicing.RepaymentReversed;
import org.xiaodai.servicing.domain.Balances;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

/**
 * Repayments (还款) with an idempotency key: the same key twice books once and answers the first
 * result. Each is dated with the institution's business date, allocated by the servicing engine
 * (penalty, interest, principal, the rest to credit), and booked with its voucher in the same
 * transaction. Reversal (冲正) and credit refunds are new transactions; the engine re-derives every
 * later allocation and the difference is posted as compensating entries.
 */
@Service
public class Repayments {

    static final Set<String> CHANNELS = Set.of("TRANSFER", "CASH", "MANUAL", "WITHHOLDING");

    private final LoanRepository loans;
    private final LoanBook book;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Repayments(LoanRepository loans, LoanBook book, BusinessDate businessDate, AuditTrail audit,
               ApplicationEventPublisher events, Clock clock) {
        this.loans = loans;
        this.book = book;
        this.businessDate = businessDate;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The booked transaction and whether this call booked it (false: an earlier call with the same key did). */
    public record Result(BookedTransaction transaction, boolean created) {
    }

    @Transactional
    public Result repay(UUID loanId, BigDecimal amount, String key, String channel, UUID actor) {
        List<org.xiaodai.shared.problem.FieldProblem> problems = new ArrayList<>();
        checkKey(key, problems);
        if (channel == null || channel.isBlank()) {
            problems.add(org.xiaodai.shared.problem.FieldProblem.of("channel", "required"));
        } else if (!CHANNELS.contains(channel)) {
            problems.add(org.xiaodai.shared.problem.FieldProblem.of("channel", "oneOf", String.join(", ", CHANNELS)));
        }
        checkAmount(amount, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return repayOn(loanId, null, amount, key, channel, actor);
    }

    /**
     * Books a repayment on {@code date} (null: the institution's business date); end of day books
     * withholdings on the day it closes, the demo books history on past dates.
     */
    @Transactional
    public Result repayOn(UUID loanId, LocalDate on, BigDecimal amount, String key, String channel, UUID actor) {
        LoanRow loan = loans.lock(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        var earlier = loans.byKey(loanId, key);
        if (earlier.isPresent()) {
            return new Result(earlier.get(), false);
        }
        LocalDate date = on != null ? on : businessDate.of(loan.institutionId());
        if (loan.status() == LoanState.WRITTEN_OFF) {
            return new Result(recover(loan, amount, key, channel, date, actor), true);
        }
        requireOpen(loan);
        UUID id = UUID.randomUUID();
        LoanRepository.Movements m = loans.movements(loanId);
        List<Repayment> repayments = new ArrayList<>(m.repayments());
        repayments.add(new Repayment(date, amount));
        org.xiaodai.calc.Schedule schedule = loans.schedule(loan);
        Balances before = book.derive(loan, schedule, m, date).balances();
        LoanBook.Derived after = book.derive(loan, schedule,
                new LoanRepository.Movements(repayments, List.of(), m.refunds()), date);
        RepaymentAllocation a = after.position().allocations().getLast();
        loans.insert(new LoanRepository.NewTransaction(id, loan.institutionId(), loanId, "REPAYMENT", date, amount,
                channel, key, null, a.penalty(), a.interest(), a.principal(), a.toCredit(), null, actor), clock.instant());
        book.apply(new LoanBook.Change(loan, before, after, amount, "REPAYMENT", id, date, "REPAYMENT", actor, null));
        audit.record(AuditRecord.created("servicing.repayment.booked", "loan", loanId, loan.institutionId(),
                Map.of("transactionId", id, "amount", amount, "channel", channel, "penalty", a.penalty(),
                        "interest", a.interest(), "principal", a.principal(), "toCredit", a.toCredit())));
        events.publishEvent(new RepaymentReceived(id, loanId, loan.institutionId(), date, amount, channel, a.penalty(),
                a.interest(), a.principal(), a.toCredit()));
        return new Result(loans.transaction(loanId, id).orElseThrow(), true);
    }

    /** After write-off (核销) money received is a recovery: income of its own, the loan stays written off. */
    private BookedTransaction recover(LoanRow loan, BigDecimal amount, String key, String channel, LocalDate date,
                                          UUID actor) {
        UUID id = UUID.randomUUID();
        loans.insert(new LoanRepository.NewTransaction(id, loan.institutionId(), loan.id(), "RECOVERY", date, amount,
                channel, key, null, null, null, null, null, null, actor), clock.instant());
        events.publishEvent(new LedgerPosting(id, loan.institutionId(), date, "RECOVERY", loan.id(), null,
                List.of(LedgerPosting.Line.debit(AccountRole.BANK, amount),
                        LedgerPosting.Line.credit(AccountRole.RECOVERY_INCOME, amount))));
        loans.addRecovered(loan.id(), amount);
        audit.record(AuditRecord.created("servicing.recovery.booked", "loan", loan.id(), loan.institutionId(),
                Map.of("transactionId", id, "amount", amount, "channel", channel)));
        return loans.transaction(loan.id(), id).orElseThrow();
    }

    @Transactional
    public BookedTransaction reverse(UUID loanId, UUID transactionId, String reason, UUID actor) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.invalid("reason", reason == null || reason.isBlank() ? "required" : "maxLength", 500);
        }
        LoanRow loan = loans.lock(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        BookedTransaction original = loans.transaction(loanId, transactionId)
                .orElseThrow(() -> ProblemException.notFound("transaction"));
        if (!"REPAYMENT".equals(original.kind())) {
            throw ProblemException.conflict("not-a-repayment", original.kind());
        }
        if (original.reversed()) {
            throw ProblemException.conflict("already-reversed");
        }
        if (loan.status() == LoanState.WRITTEN_OFF) {
            throw ProblemException.conflict("loan-written-off");
        }
        boolean refundedSince = loans.transactions(loanId).stream()
                .anyMatch(t -> "REFUND".equals(t.kind()) && !t.date().isBefore(original.date()));
        if (refundedSince) {
            throw ProblemException.conflict("refund-after-repayment");
        }
        boolean restructuredSince = loans.transactions(loanId).stream()
                .anyMatch(t -> "RESTRUCTURING".equals(t.kind()) && !t.date().isBefore(original.date()));
        if (restructuredSince) {
            // the restructuring folded what was owed after this repayment into the new principal
            throw ProblemException.conflict("restructured-after-repayment");
        }
        LocalDate date = businessDate.of(loan.institutionId());
        Balances before = book.derive(loan, date).balances();
        UUID id = UUID.randomUUID();
        loans.insert(new LoanRepository.NewTransaction(id, loan.institutionId(), loanId, "REVERSAL", date,
                original.amount(), original.channel(), null, transactionId, original.penalty().negate(),
                original.interest().negate(), original.principal().negate(), original.toCredit().negate(), reason, actor),
                clock.instant());
        LoanBook.Derived after = book.derive(loan, date);
        book.apply(new LoanBook.Change(loan, before, after, original.amount().negate(), "REVERSAL", id, date,
                "REVERSAL", actor, transactionId));
        audit.record(AuditRecord.changed("servicing.repayment.reversed", "loan", loanId, loan.institutionId(),
                Map.of("transactionId", transactionId, "amount", original.amount()),
                Map.of("reversalId", id, "reason", reason)));
        events.publishEvent(new RepaymentReversed(id, transactionId, loanId, loan.institutionId(), date,
                original.amount(), reason));
        return loans.transaction(loanId, id).orElseThrow();
    }

    @Transactional
    public Result refund(UUID loanId, BigDecimal amount, String key, UUID actor) {
        List<org.xiaodai.shared.problem.FieldProblem> problems = new ArrayList<>();
        checkKey(key, problems);
        checkAmount(amount, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        LoanRow loan = loans.lock(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
        var earlier = loans.byKey(loanId, key);
        if (earlier.isPresent()) {
            return new Result(earlier.get(), false);
        }
        if (loan.status() == LoanState.PENDING_DISBURSEMENT || loan.status() == LoanState.DISBURSING
                || loan.status() == LoanState.WRITTEN_OFF) {
            throw ProblemException.conflict("loan-not-open", loan.status().name());
        }
        LocalDate date = businessDate.of(loan.institutionId());
        LoanBook.Derived now = book.derive(loan, date);
        if (amount.compareTo(now.balances().credit()) > 0) {
            throw ProblemException.invalid("amount", "exceedsCredit", now.balances().credit().toPlainString());
        }
        UUID id = UUID.randomUUID();
        loans.insert(new LoanRepository.NewTransaction(id, loan.institutionId(), loanId, "REFUND", date, amount,
                "TRANSFER", key, null, null, null, null, amount.negate(), null, actor), clock.instant());
        LoanBook.Derived after = book.derive(loan, date);
        Balances before = now.balances();
        book.apply(new LoanBook.Change(loan, before, after, amount.negate(), "REFUND", id, date, "REPAYMENT", actor,
                null));
        audit.record(AuditRecord.created("servicing.credit.refunded", "loan", loanId, loan.institutionId(),
                Map.of("transactionId", id, "amount", amount)));
        return new Result(loans.transaction(loanId, id).orElseThrow(), true);
    }

    static void requireOpen(LoanRow loan) {
        if (!loan.status().open()) {
            throw ProblemException.conflict("loan-not-open", loan.status().name());
        }
    }

    private static void checkKey(String key, List<org.xiaodai.shared.problem.FieldProblem> problems) {
        if (key == null || key.isBlank()) {
            problems.add(org.xiaodai.shared.problem.FieldProblem.of("idempotencyKey", "required"));
        } else if (key.length() > 100) {
            problems.add(org.xiaodai.shared.problem.FieldProblem.of("idempotencyKey", "maxLength", 100));
        }
    }

    private static void checkAmount(BigDecimal amount, List<org.xiaodai.shared.problem.FieldProblem> problems) {
        if (amount == null) {
            problems.add(org.xiaodai.shared.problem.FieldProblem.of("amount", "required"));
        } else if (amount.signum() <= 0) {
            problems.add(org.xiaodai.shared.problem.FieldProblem.of("amount", "positive"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(org.xiaodai.shared.problem.FieldProblem.of("amount", "currencyScale", 2));
        } else if (amount.compareTo(new BigDecimal("100000000000")) >= 0) {
            problems.add(org.xiaodai.shared.problem.FieldProblem.of("amount", "max", "100000000000"));
        }
    }
}
