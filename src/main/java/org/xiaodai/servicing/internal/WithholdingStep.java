package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
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
import org.xiaodai.servicing.RepaymentsReceived;
import org.xiaodai.servicing.domain.Balances;
import org.xiaodai.servicing.domain.Earned;
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

    private static final Logger log = LoggerFactory.getLogger(WithholdingStep.class);

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
     * An auto-debit candidate whose amount owed on {@code :day} follows in closed form from its row
     * and schedule, without the engine: no credit, positioned on or before the day, nothing booked
     * after its oldest unpaid due date k and no schedule version taking effect after k. As in
     * {@link OverdueStep#QUIET} (servicing README §3, §5): the installments before k are settled,
     * so their penalty no longer moves; each installment i ≥ k has owed the same unpaid principal
     * and interest since its due date t_i (k: the principal outstanding less the later rows'
     * principal, the interest of the rows through k less the interest paid; later rows: the row),
     * so its penalty charged by day x is {@code servicing_penalty_charged(base, x − t_i)}. The row
     * holds the penalty charged and paid as of its position date P, so the penalty outstanding on
     * the day is that plus, per installment i ≥ k, the charge by the day less the charge by P; the
     * amount owed adds the unpaid principal and interest of the installments due by the day. No
     * grade or watch condition: they move no amount. {@code WithholdingOwedIntegrationTest} checks
     * it against the engine on random loans.
     */
    static final String QUIET = """
            (l.credit_balance = 0 and l.position_date <= :day
             and not exists (select 1 from servicing_transaction t where t.loan_id = l.id
                             and t.business_date > l.oldest_unpaid_due)
             and (l.schedule_version = 1 or not exists (select 1 from servicing_schedule_version v
                      where v.loan_id = l.id and v.version = l.schedule_version and v.effective_date > l.oldest_unpaid_due)))""";

    /**
     * The partition's candidates, locked, each with its closed-form amount owed on {@code :day}
     * when it is {@link #QUIET} (null otherwise); each quiet loan's schedule rows are read through
     * its key (a lateral subquery per loan).
     */
    static final String CANDIDATES = """
            with c as (
                select l.id, l.oldest_unpaid_due as k_due, l.position_date as p_date, l.principal_outstanding,
                       l.interest_paid, l.penalty_charged, l.penalty_charged - l.penalty_paid as penalty_held, l.schedule_version,
                       (l.terms ->> 'annualInterestRatePercent')::numeric
                           * (l.policy ->> 'penaltyRateMultiplier')::numeric as rate,
                       (l.policy ->> 'penaltyDaysInYear')::int as year_days, (l.policy ->> 'graceDays')::int as grace,
                       (l.policy ->> 'compoundOverdueInterest')::boolean as compound,
                       (l.terms ->> 'currencyDigits')::int as digits, (l.terms ->> 'roundingMode') = 'HALF_EVEN' as half_even,
                       """ + QUIET + """
             as quiet
                from servicing_loan l
                where l.institution_id = :inst and l.status in ('ACTIVE', 'OVERDUE') and l.auto_debit
                  and l.eod_bucket % :n = :p and l.oldest_unpaid_due <= :day
                  and not exists (select 1 from servicing_withholding w where w.loan_id = l.id and w.business_date = :day)
                for update of l
            )
            select c.id, case when c.quiet then c.penalty_held + x.unpaid + x.penalty end as owed,
                   case when c.quiet then c.penalty_charged + x.penalty end as penalty_charged
            from c
            left join lateral (
                select coalesce(sum(b.principal + b.interest), 0) as unpaid,
                       coalesce(sum(servicing_penalty_charged(b.principal + case when c.compound then b.interest else 0 end,
                                                              :day - b.due_date, c.grace, c.rate, c.year_days, c.digits,
                                                              c.half_even)
                                    - servicing_penalty_charged(b.principal + case when c.compound then b.interest else 0 end,
                                                                c.p_date - b.due_date, c.grace, c.rate, c.year_days, c.digits,
                                                                c.half_even)), 0) as penalty
                from (""" + UnpaidInstallments.rowsOf("c") + """
                      and c.quiet) b
                where b.due_date >= c.k_due and b.due_date <= :day
            ) x on c.quiet
            """;

    /** A quiet candidate's closed-form amount owed and penalty charged (all installments) as of the day. */
    record Quiet(BigDecimal owed, BigDecimal penaltyCharged) {
    }

    /** The candidates of a partition: each loan's id and, when {@link #QUIET}, its closed-form figures (else null). */
    Map<UUID, Quiet> candidates(UUID institutionId, LocalDate day, int partition, int partitions) {
        Map<UUID, Quiet> candidates = new LinkedHashMap<>();
        jdbc.sql(CANDIDATES).param("inst", institutionId).param("n", partitions).param("p", partition).param("day", day)
                .query(rs -> {
                    BigDecimal owed = rs.getBigDecimal(2);
                    candidates.put(rs.getObject(1, UUID.class), owed == null ? null : new Quiet(owed, rs.getBigDecimal(3)));
                });
        return candidates;
    }

    /**
     * A quiet loan's balances as of the day without the engine: the row's principal, interest paid,
     * penalty paid and credit have not moved since its position date, the penalty charged is the
     * closed form's, and the interest earned follows from the schedule as in {@link LoanBook}.
     */
    static Balances quietBalances(LoanRow row, org.xiaodai.calc.Schedule schedule, Quiet quiet, LocalDate day) {
        return new Balances(row.principalOutstanding(),
                Earned.by(schedule.installments(), day, row.digits(), row.terms().roundingMode().mode()),
                row.interestPaid(), quiet.penaltyCharged(), row.penaltyPaid(), row.creditBalance());
    }

    /** A debit the bank made before the loan reached the engine (a quiet loan's closed-form amount). */
    private record Debit(UUID orderId, Quiet quiet, PaymentChannel.WithholdingResult result) {
    }

    /**
     * The partition's withholdings, booked together. The candidates are locked in one statement,
     * which also gives the amount owed of every {@link #QUIET} loan in closed form: those go to the
     * bank without the engine, and a refused debit is only recorded as an attempt. The other
     * candidates and the quiet loans the bank debited are loaded with their schedules and movements
     * in three statements; a loan that is not quiet is derived by the engine before its debit (its
     * amount owed and balances), a debited quiet loan's balances before the debit are closed-form
     * ({@link #quietBalances}); each debited loan is derived once with its debit (the same
     * allocation {@link Repayments#repayOn} makes). Then the transactions, the withholding
     * attempts, the loan rows and the vouchers (one per repayment, as a {@link LedgerPosting.Batch})
     * are written with one batched statement each. The partition's repayments are published as one
     * {@link RepaymentsReceived} (each listener handles each repayment as a {@link RepaymentReceived}); the audit trail gets one entry per partition (per 500 repayments)
     * listing every repayment booked.
     */
    @Override
    public long process(UUID institutionId, LocalDate day, int partition, int partitions) {
        Map<UUID, Quiet> candidates = candidates(institutionId, day, partition, partitions);
        if (candidates.isEmpty()) {
            return 0;
        }
        String key = "withholding:" + day;
        Set<UUID> keyed = loans.withKey(List.copyOf(candidates.keySet()), key);
        Instant now = clock.instant();
        List<LoanRepository.NewTransaction> transactions = new ArrayList<>();
        List<Object[]> attempts = new ArrayList<>();
        List<LedgerPosting> postings = new ArrayList<>();
        List<LoanBook.Write> writes = new ArrayList<>();
        List<RepaymentReceived> received = new ArrayList<>();
        List<Map<String, Object>> audited = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        // the quiet loans go to the bank with their closed-form amount; only the debited ones reach the engine
        Map<UUID, Debit> debited = new HashMap<>();
        List<UUID> toEngine = new ArrayList<>();
        for (Map.Entry<UUID, Quiet> c : candidates.entrySet()) {
            UUID loanId = c.getKey();
            if (keyed.contains(loanId)) {
                continue; // booked under the day's key already (by an earlier attempt of this partition's work)
            }
            if (c.getValue() == null) {
                toEngine.add(loanId);
                continue;
            }
            BigDecimal owed = c.getValue().owed();
            if (owed.signum() <= 0) {
                continue;
            }
            UUID orderId = UUID.randomUUID();
            PaymentChannel.WithholdingResult result = channel.withhold(
                    new PaymentChannel.WithholdingOrder(orderId, institutionId, loanId, owed));
            if (result.succeeded()) {
                debited.put(loanId, new Debit(orderId, c.getValue(), result));
                toEngine.add(loanId);
            } else {
                attempts.add(new Object[] {orderId, institutionId, loanId, day, owed, "FAILED", result.reference(),
                        result.failureReason(), null, Timestamp.from(now)});
            }
        }
        for (EodLoans.Loaded l : eodLoans.load(rows(toEngine))) {
            Debit debit = debited.get(l.loan().id());
            Balances before;
            BigDecimal owed;
            UUID orderId;
            PaymentChannel.WithholdingResult result;
            if (debit == null) {
                LoanBook.Derived derived = book.derive(l.loan(), l.schedule(), l.movements(), day);
                before = derived.balances();
                owed = owed(derived.position(), day);
                if (owed.signum() <= 0) {
                    continue;
                }
                orderId = UUID.randomUUID();
                result = channel.withhold(new PaymentChannel.WithholdingOrder(orderId, institutionId, l.loan().id(), owed));
            } else {
                // a quiet loan the bank debited: its balances before the debit are closed-form too, so the
                // engine runs once, with the debit
                before = quietBalances(l.loan(), l.schedule(), debit.quiet(), day);
                owed = debit.quiet().owed();
                orderId = debit.orderId();
                result = debit.result();
            }
            UUID transactionId = null;
            if (result.succeeded()) {
                transactionId = UUID.randomUUID();
                List<Repayment> repaid = new ArrayList<>(l.movements().repayments());
                repaid.add(new Repayment(day, owed));
                LoanBook.Derived after = book.derive(l.loan(), l.schedule(),
                        new LoanRepository.Movements(repaid, List.of(), l.movements().refunds()), day);
                RepaymentAllocation a = after.position().allocations().getLast();
                if (debit != null && (a.toCredit().signum() != 0 || owed(after.position(), day).signum() != 0)) {
                    // free check of the closed form (never expected, WithholdingOwedIntegrationTest): the exact amount
                    // owed leaves nothing owed and nothing over; the debit is booked as made either way
                    log.warn("withholding of loan {} on {}: the closed-form amount {} left {} owed and {} over",
                            l.loan().id(), day, owed, owed(after.position(), day), a.toCredit());
                }
                transactions.add(new LoanRepository.NewTransaction(transactionId, institutionId, l.loan().id(),
                        "REPAYMENT", day, owed, "WITHHOLDING", key, null, a.penalty(), a.interest(), a.principal(),
                        a.toCredit(), null, null));
                List<LedgerPosting.Line> lines = before.linesTo(after.balances(), owed);
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
        if (!received.isEmpty()) {
            // one event for the partition's repayments: the registry writes a row per listener, not per repayment too
            events.publishEvent(new RepaymentsReceived(institutionId, day, received));
        }
        return attempts.size();
    }

    /** The loan rows of the given loans (locked already by {@link #CANDIDATES}). */
    private List<LoanRow> rows(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return template.execute((ConnectionCallback<List<LoanRow>>) c -> jdbc.sql("select " + LoanRow.COLUMNS
                        + " from servicing_loan l where l.id = any(?)")
                .param(c.createArrayOf("uuid", ids.toArray())).query(LoanRow::map).list());
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
