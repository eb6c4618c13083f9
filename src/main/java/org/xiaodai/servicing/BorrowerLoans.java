package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.xiaodai.calc.Installment;

/**
 * Servicing as a borrower sees their own loans (the borrower portal): a customer's loans, the
 * schedule, the statement, what is due, a payoff quote, and payments the borrower makes through
 * the payment channel (the simulated bank by default). Every method runs inside the caller's
 * tenant wall; the caller has already made sure the loan is the customer's (a foreign or unknown
 * loan answers empty or 404).
 */
public interface BorrowerLoans {

    /** The customer's loans in the current institution, newest first. */
    List<Loans.LoanSummary> ofCustomer(UUID customerId);

    /** The loan's current schedule. */
    List<Installment> schedule(UUID loanId);

    /** The loan's transactions, oldest first (对账单). */
    List<BorrowerStatementLine> statement(UUID loanId);

    /** What is owed on the business date and what falls due next; empty before disbursement or after the end. */
    Optional<BorrowerDue> due(UUID loanId);

    /** What repays the loan in full today. */
    BorrowerPayoffQuote payoffQuote(UUID loanId);

    /**
     * The borrower pays {@code amount}: the payment channel debits their account, then the amount is
     * booked as a repayment. The same key twice books once.
     */
    BorrowerPayment repay(UUID loanId, BigDecimal amount, String idempotencyKey);

    /** Pays the loan off today at the quote's total. */
    BorrowerPayment payoff(UUID loanId, String idempotencyKey);

    /** A partial prepayment today; the installment is lowered and the term kept. */
    BorrowerPayment prepay(UUID loanId, BigDecimal amount, String idempotencyKey);

    /**
     * The installments of active loans in the current institution that fall due on {@code dueDate}
     * and are not paid yet (for reminders "repayment due in N days").
     */
    List<UpcomingInstallment> installmentsDueOn(LocalDate dueDate);

    record UpcomingInstallment(UUID loanId, UUID customerId, String reference, LocalDate dueDate, BigDecimal amount) {
    }

    record BorrowerStatementLine(UUID id, LocalDate date, String kind, BigDecimal amount, BigDecimal principal,
                         BigDecimal interest, BigDecimal penalty, boolean reversed) {
    }

    record BorrowerDue(LocalDate asOf, long daysPastDue, BigDecimal overdue, BigDecimal penalty, BigDecimal credit,
               BigDecimal principalOutstanding, LocalDate nextDueDate, BigDecimal nextAmount) {
    }

    record BorrowerPayoffQuote(LocalDate date, BigDecimal principal, BigDecimal interest, BigDecimal penalty, BigDecimal credit,
                       BigDecimal total) {
    }

    record BorrowerPayment(UUID transactionId, LocalDate date, String kind, BigDecimal amount, String bankReference) {
    }
}
