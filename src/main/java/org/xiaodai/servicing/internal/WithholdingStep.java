package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.calc.InstallmentPosition;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.eod.EndOfDayStep;

/**
 * End of day, first step: withholding (代扣) on loans with an auto-debit mandate that owe something
 * on the day being closed (an installment due that day or earlier, penalty). At most one attempt
 * per loan and day; a successful debit is booked as a repayment on that day with the idempotency
 * key {@code withholding:<date>}, so a repeated run books nothing twice. A loan without a mandate
 * is repaid only by the repayments booked for it.
 */
@Component
class WithholdingStep implements EndOfDayStep {

    private final JdbcClient jdbc;
    private final EodLoans eodLoans;
    private final LoanBook book;
    private final PaymentChannel channel;
    private final Repayments repayments;
    private final Clock clock;

    WithholdingStep(JdbcClient jdbc, EodLoans eodLoans, LoanBook book, PaymentChannel channel, Repayments repayments,
                    Clock clock) {
        this.jdbc = jdbc;
        this.eodLoans = eodLoans;
        this.book = book;
        this.channel = channel;
        this.repayments = repayments;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "servicing.withholding";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public int partitions(UUID institutionId, LocalDate businessDate) {
        return OverdueStep.PARTITIONS;
    }

    @Override
    public long process(UUID institutionId, LocalDate day, int partition, int partitions) {
        List<LoanRow> candidates = jdbc.sql("select " + LoanRow.COLUMNS + """
                 from servicing_loan l
                where l.institution_id = :inst and l.status in ('ACTIVE', 'OVERDUE') and l.auto_debit
                  and l.eod_bucket % :n = :p and l.oldest_unpaid_due <= :day
                  and not exists (select 1 from servicing_withholding w where w.loan_id = l.id and w.business_date = :day)
                """).param("inst", institutionId).param("n", partitions).param("p", partition).param("day", day)
                .query(LoanRow::map).list();
        long attempts = 0;
        for (EodLoans.Loaded l : eodLoans.load(candidates)) {
            BigDecimal owed = owed(book.derive(l.loan(), l.schedule(), l.movements(), day).position(), day);
            if (owed.signum() <= 0) {
                continue;
            }
            UUID orderId = UUID.randomUUID();
            PaymentChannel.WithholdingResult result = channel.withhold(
                    new PaymentChannel.WithholdingOrder(orderId, institutionId, l.loan().id(), owed));
            UUID transactionId = null;
            if (result.succeeded()) {
                transactionId = repayments.repayOn(l.loan().id(), day, owed, "withholding:" + day, "WITHHOLDING", null)
                        .transaction().id();
            }
            jdbc.sql("""
                    insert into servicing_withholding (id, institution_id, loan_id, business_date, amount, status,
                        bank_reference, failure_reason, transaction_id, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (loan_id, business_date) do nothing
                    """).params(orderId, institutionId, l.loan().id(), day, owed,
                    result.succeeded() ? "SUCCEEDED" : "FAILED", result.reference(), result.failureReason(),
                    transactionId, Timestamp.from(clock.instant())).update();
            attempts++;
        }
        return attempts;
    }

    /** Everything due on or before the day and unpaid, with the penalty outstanding, less the credit held. */
    static BigDecimal owed(LoanPosition p, LocalDate day) {
        BigDecimal owed = p.penaltyOutstanding().subtract(p.credit());
        for (InstallmentPosition i : p.installments()) {
            if (!i.dueDate().isAfter(day)) {
                owed = owed.add(i.unpaidPrincipal()).add(i.unpaidInterest());
            }
        }
        return owed;
    }
}
