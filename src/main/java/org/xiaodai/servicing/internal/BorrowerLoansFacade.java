package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.calc.Installment;
import org.xiaodai.calc.InstallmentPosition;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.calc.PrepaymentStrategy;
import org.xiaodai.servicing.BorrowerLoans;
import org.xiaodai.servicing.LoanState;
import org.xiaodai.servicing.Loans;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.time.BusinessDate;

/** {@link BorrowerLoans} over the loan book, the workouts and the payment channel. */
@Service
class BorrowerLoansFacade implements BorrowerLoans {

    private final LoanRepository loans;
    private final LoanBook book;
    private final LoanWorkouts workouts;
    private final Repayments repayments;
    private final PaymentChannel channel;
    private final BusinessDate businessDate;
    private final JdbcClient jdbc;

    BorrowerLoansFacade(LoanRepository loans, LoanBook book, LoanWorkouts workouts, Repayments repayments,
                        PaymentChannel channel, BusinessDate businessDate, JdbcClient jdbc) {
        this.loans = loans;
        this.book = book;
        this.workouts = workouts;
        this.repayments = repayments;
        this.channel = channel;
        this.businessDate = businessDate;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Loans.LoanSummary> ofCustomer(UUID customerId) {
        return jdbc.sql("select " + LoanRow.COLUMNS + " from servicing_loan where customer_id = ? order by disbursement_date desc nulls first, contract_number")
                .param(customerId).query(LoanRow::map).list().stream().map(LoanRow::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Installment> schedule(UUID loanId) {
        LoanRow loan = loan(loanId);
        return loans.rows(loanId, loan.scheduleVersion(), loan.digits());
    }

    @Override
    @Transactional(readOnly = true)
    public List<BorrowerStatementLine> statement(UUID loanId) {
        loan(loanId);
        return loans.transactions(loanId).stream().map(t -> new BorrowerStatementLine(t.id(), t.date(), t.kind(), t.amount(),
                t.principal(), t.interest(), t.penalty(), t.reversed())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BorrowerDue> due(UUID loanId) {
        LoanRow loan = loan(loanId);
        if (loan.disbursementDate() == null || loan.status() != LoanState.ACTIVE && loan.status() != LoanState.OVERDUE) {
            return Optional.empty();
        }
        LocalDate today = businessDate.of(loan.institutionId());
        LoanPosition p = book.derive(loan, today).position();
        Optional<InstallmentPosition> next = p.installments().stream().filter(i -> i.dueDate().isAfter(today)).findFirst();
        BigDecimal overdue = p.overduePrincipal().add(p.overdueInterest());
        return Optional.of(new BorrowerDue(today, p.daysPastDue(), overdue, p.penaltyOutstanding(), p.credit(),
                p.principalOutstanding(), next.map(InstallmentPosition::dueDate).orElse(null),
                next.map(i -> i.unpaidPrincipal().add(i.unpaidInterest())).orElse(null)));
    }

    @Override
    @Transactional(readOnly = true)
    public BorrowerPayoffQuote payoffQuote(UUID loanId) {
        loan(loanId);
        LoanWorkouts.PayoffQuote q = workouts.quote(loanId, null);
        return new BorrowerPayoffQuote(q.date(), q.principal(), q.interest(), q.penalty(), q.credit(), q.total());
    }

    @Override
    @Transactional
    public BorrowerPayment repay(UUID loanId, BigDecimal amount, String idempotencyKey) {
        LoanRow loan = loan(loanId);
        Optional<BookedTransaction> earlier = idempotencyKey == null ? Optional.empty() : loans.byKey(loanId, idempotencyKey);
        if (earlier.isPresent()) {
            return payment(earlier.get(), null);
        }
        if (amount == null || amount.signum() <= 0) {
            throw ProblemException.invalid("amount", "positive");
        }
        String reference = collect(loan, amount);
        BookedTransaction t = repayments.repay(loanId, amount, idempotencyKey, "TRANSFER", null).transaction();
        return payment(t, reference);
    }

    @Override
    @Transactional
    public BorrowerPayment payoff(UUID loanId, String idempotencyKey) {
        LoanRow loan = loan(loanId);
        Optional<BookedTransaction> earlier = idempotencyKey == null ? Optional.empty() : loans.byKey(loanId, idempotencyKey);
        if (earlier.isPresent()) {
            return payment(earlier.get(), null);
        }
        LoanWorkouts.PayoffQuote q = workouts.quote(loanId, null);
        String reference = q.total().signum() > 0 ? collect(loan, q.total()) : null;
        return payment(workouts.payoff(loanId, idempotencyKey, "TRANSFER", null), reference);
    }

    @Override
    @Transactional
    public BorrowerPayment prepay(UUID loanId, BigDecimal amount, String idempotencyKey) {
        LoanRow loan = loan(loanId);
        Optional<BookedTransaction> earlier = idempotencyKey == null ? Optional.empty() : loans.byKey(loanId, idempotencyKey);
        if (earlier.isPresent()) {
            return payment(earlier.get(), null);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw ProblemException.invalid("idempotencyKey", "required");
        }
        if (amount == null || amount.signum() <= 0) {
            throw ProblemException.invalid("amount", "positive");
        }
        String reference = collect(loan, amount);
        return payment(workouts.prepay(loanId, amount, PrepaymentStrategy.LOWER_INSTALLMENT, idempotencyKey, null), reference);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UpcomingInstallment> installmentsDueOn(LocalDate dueDate) {
        List<LoanRow> due = jdbc.sql("select " + LoanRow.COLUMNS + """

                from servicing_loan where status in ('ACTIVE', 'OVERDUE') and exists (
                    select from servicing_schedule_row r where r.loan_id = servicing_loan.id
                    and r.version = servicing_loan.schedule_version and r.due_date = ?)""")
                .param(dueDate).query(LoanRow::map).list();
        return due.stream()
                .filter(l -> (l.status() == LoanState.ACTIVE || l.status() == LoanState.OVERDUE) && l.disbursementDate() != null)
                .flatMap(l -> {
                    LocalDate today = businessDate.of(l.institutionId());
                    return book.derive(l, today).position().installments().stream()
                            .filter(i -> i.dueDate().equals(dueDate))
                            .map(i -> i.unpaidPrincipal().add(i.unpaidInterest()))
                            .filter(amount -> amount.signum() > 0)
                            .map(amount -> new UpcomingInstallment(l.id(), l.customerId(),
                                    l.contractNumber() != null ? l.contractNumber() : l.id().toString().substring(0, 8),
                                    dueDate, amount));
                }).toList();
    }

    private String collect(LoanRow loan, BigDecimal amount) {
        PaymentChannel.WithholdingResult result = channel.collect(
                new PaymentChannel.WithholdingOrder(UUID.randomUUID(), loan.institutionId(), loan.id(), amount));
        if (!result.succeeded()) {
            throw ProblemException.conflict("payment-refused", result.failureReason());
        }
        return result.reference();
    }

    private LoanRow loan(UUID loanId) {
        return loans.find(loanId).orElseThrow(() -> ProblemException.notFound("loan"));
    }

    private static BorrowerPayment payment(BookedTransaction t, String reference) {
        return new BorrowerPayment(t.id(), t.date(), t.kind(), t.amount(), reference);
    }
}
