package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.calc.InstallmentPosition;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.calc.Repayment;
import org.xiaodai.calc.RepaymentAllocation;
import org.xiaodai.servicing.LedgerPosting;
import org.xiaodai.servicing.RepaymentReceived;
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

    /** Repayments listed per audit entry (an entry stays a readable size). */
    static final int AUDIT_CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final EodLoans eodLoans;
    private final LoanBook book;
    private final LoanRepository loans;
    private final PaymentChannel channel;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WithholdingStep(JdbcClient jdbc, JdbcTemplate template, EodLoans eodLoans, LoanBook book, LoanRepository loans,
                    PaymentChannel channel, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.eodLoans = eodLoans;
        this.book = book;
        this.loans = loans;
        this.channel = channel;
        this.audit = audit;
        this.events = events;
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

    /**
     * The partition's withholdings, booked together: the candidates are locked and loaded in three
     * statements, each derived once by the engine before and once after its debit (the same
     * allocation {@link Repayments#repayOn} makes), and then the transactions, the withholding
     * attempts, the loan rows and the vouchers (one per repayment, as a
     * {@link LedgerPosting.Batch}) are written with one batched statement each. Each repayment
     * still publishes its {@link RepaymentReceived}; the audit trail gets one entry per partition
     * (per 500 repayments) listing every repayment booked.
     */
    @Override
    public long process(UUID institutionId, LocalDate day, int partition, int partitions) {
        List<LoanRow> candidates = jdbc.sql("select " + LoanRow.COLUMNS + """
                 from servicing_loan l
                where l.institution_id = :inst and l.status in ('ACTIVE', 'OVERDUE') and l.auto_debit
                  and l.eod_bucket % :n = :p and l.oldest_unpaid_due <= :day
                  and not exists (select 1 from servicing_withholding w where w.loan_id = l.id and w.business_date = :day)
                for update of l
                """).param("inst", institutionId).param("n", partitions).param("p", partition).param("day", day)
                .query(LoanRow::map).list();
        if (candidates.isEmpty()) {
            return 0;
        }
        String key = "withholding:" + day;
        Set<UUID> keyed = loans.withKey(candidates.stream().map(LoanRow::id).toList(), key);
        Instant now = clock.instant();
        List<LoanRepository.NewTransaction> transactions = new ArrayList<>();
        List<Object[]> attempts = new ArrayList<>();
        List<LedgerPosting> postings = new ArrayList<>();
        List<LoanBook.Write> writes = new ArrayList<>();
        List<RepaymentReceived> received = new ArrayList<>();
        List<Map<String, Object>> audited = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (EodLoans.Loaded l : eodLoans.load(candidates)) {
            if (keyed.contains(l.loan().id())) {
                continue; // booked under the day's key already (by an earlier attempt of this partition's work)
            }
            LoanBook.Derived before = book.derive(l.loan(), l.schedule(), l.movements(), day);
            BigDecimal owed = owed(before.position(), day);
            if (owed.signum() <= 0) {
                continue;
            }
            UUID orderId = UUID.randomUUID();
            PaymentChannel.WithholdingResult result = channel.withhold(
                    new PaymentChannel.WithholdingOrder(orderId, institutionId, l.loan().id(), owed));
            UUID transactionId = null;
            if (result.succeeded()) {
                transactionId = UUID.randomUUID();
                List<Repayment> repaid = new ArrayList<>(l.movements().repayments());
                repaid.add(new Repayment(day, owed));
                LoanBook.Derived after = book.derive(l.loan(), l.schedule(),
                        new LoanRepository.Movements(repaid, List.of(), l.movements().refunds()), day);
                RepaymentAllocation a = after.position().allocations().getLast();
                transactions.add(new LoanRepository.NewTransaction(transactionId, institutionId, l.loan().id(),
                        "REPAYMENT", day, owed, "WITHHOLDING", key, null, a.penalty(), a.interest(), a.principal(),
                        a.toCredit(), null, null));
                List<LedgerPosting.Line> lines = before.balances().linesTo(after.balances(), owed);
                if (!lines.isEmpty()) {
                    postings.add(new LedgerPosting(transactionId, institutionId, day, "REPAYMENT", l.loan().id(), null,
                            lines));
                }
                writes.add(new LoanBook.Write(l.loan(), after, day, "REPAYMENT", null));
                received.add(new RepaymentReceived(transactionId, l.loan().id(), institutionId, day, owed, "WITHHOLDING",
                        a.penalty(), a.interest(), a.principal(), a.toCredit()));
                audited.add(Map.of("loanId", l.loan().id(), "transactionId", transactionId, "amount", owed,
                        "penalty", a.penalty(), "interest", a.interest(), "principal", a.principal(),
                        "toCredit", a.toCredit()));
                total = total.add(owed);
            }
            attempts.add(new Object[] {orderId, institutionId, l.loan().id(), day, owed,
                    result.succeeded() ? "SUCCEEDED" : "FAILED", result.reference(), result.failureReason(),
                    transactionId, Timestamp.from(now)});
        }
        loans.insertAll(transactions, now);
        if (!postings.isEmpty()) {
            events.publishEvent(new LedgerPosting.Batch(postings));
        }
        book.writeAll(writes);
        if (!attempts.isEmpty()) {
            template.batchUpdate("""
                    insert into servicing_withholding (id, institution_id, loan_id, business_date, amount, status,
                        bank_reference, failure_reason, transaction_id, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (loan_id, business_date) do nothing
                    """, attempts);
        }
        for (int from = 0; from < audited.size(); from += AUDIT_CHUNK) {
            List<Map<String, Object>> chunk = audited.subList(from, Math.min(audited.size(), from + AUDIT_CHUNK));
            audit.record(AuditRecord.created("servicing.withholding.booked", "eod-partition",
                    day + "/" + partition + "/" + partitions + (from == 0 ? "" : "#" + (from / AUDIT_CHUNK + 1)),
                    institutionId, Map.of("businessDate", day.toString(), "repayments", chunk.size(),
                            "partitionRepayments", audited.size(), "partitionTotal", total, "channel", "WITHHOLDING",
                            "transactions", chunk)));
        }
        received.forEach(events::publishEvent);
        return attempts.size();
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
