package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiaodai.calc.Installment;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Repayment;
import org.xiaodai.calc.Schedule;
import org.xiaodai.servicing.LoanState;

/** SQL of loans, schedule versions and transactions. Every statement runs inside the caller's tenant wall. */
@Repository
class LoanRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LoanRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<LoanRow> find(UUID id) {
        return jdbc.sql("select " + LoanRow.COLUMNS + " from servicing_loan where id = ?").param(id)
                .query(LoanRow::map).optional();
    }

    /** The loan, locked until the transaction ends: every change to a loan goes through here first. */
    Optional<LoanRow> lock(UUID id) {
        return jdbc.sql("select " + LoanRow.COLUMNS + " from servicing_loan where id = ? for update").param(id)
                .query(LoanRow::map).optional();
    }

    record NewLoan(UUID id, UUID institutionId, UUID branchId, String branchPath, UUID officerId, UUID customerId,
                   UUID contractId, String contractNumber, UUID applicationId, UUID productId, int productVersion,
                   LoanTerms terms, String policyJson, java.math.BigDecimal upfrontFees, boolean autoDebit,
                   Instant acceptedAt) {
    }

    void insert(NewLoan l, Instant now) {
        jdbc.sql("""
                insert into servicing_loan (id, institution_id, branch_id, branch_path, officer_id, customer_id,
                    contract_id, contract_number, application_id, product_id, product_version, currency, principal,
                    annual_rate_percent, currency_digits, half_even, terms, policy, upfront_fees, auto_debit, status,
                    schedule_version, eod_bucket, accepted_at, created_at, updated_at)
                values (:id, :inst, :branch, :path, :officer, :customer, :contract, :number, :application, :product,
                    :version, 'CNY', :principal, :rate, :digits, :halfEven, cast(:terms as jsonb), cast(:policy as jsonb),
                    :fees, :autoDebit, 'PENDING_DISBURSEMENT', 1, :bucket, :accepted, :now, :now)
                """)
                .param("id", l.id()).param("inst", l.institutionId()).param("branch", l.branchId())
                .param("path", l.branchPath()).param("officer", l.officerId()).param("customer", l.customerId())
                .param("contract", l.contractId()).param("number", l.contractNumber())
                .param("application", l.applicationId()).param("product", l.productId())
                .param("version", l.productVersion()).param("principal", l.terms().principal())
                .param("rate", l.terms().annualInterestRatePercent()).param("digits", l.terms().currencyDigits())
                .param("halfEven", l.terms().roundingMode() == org.xiaodai.calc.RoundingRule.HALF_EVEN)
                .param("terms", TermsJson.terms(l.terms())).param("policy", l.policyJson())
                .param("fees", l.upfrontFees() == null ? BigDecimal.ZERO : l.upfrontFees())
                .param("autoDebit", l.autoDebit()).param("bucket", bucket(l.id()))
                .param("accepted", l.acceptedAt() == null ? null : Timestamp.from(l.acceptedAt()))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The end-of-day partition key of a loan (0..255), fixed at creation. */
    static int bucket(UUID id) {
        return (int) (id.getLeastSignificantBits() & 0xFF);
    }

    void insertSchedule(UUID loanId, UUID institutionId, int version, String reason, LocalDate effective,
                        LoanTerms terms, List<Installment> rows, Instant now) {
        jdbc.sql("""
                insert into servicing_schedule_version (loan_id, version, institution_id, reason, effective_date, terms, created_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?)
                """).params(loanId, version, institutionId, reason, effective, TermsJson.terms(terms), Timestamp.from(now))
                .update();
        insertRows(loanId, institutionId, version, rows);
    }

    /** Rows per INSERT: one statement for any ordinary schedule (10 parameters a row, far below the driver's limit). */
    private static final int ROWS_PER_INSERT = 500;

    /** The schedule's rows in one multi-row INSERT (one round trip and one statement instead of one per row). */
    private void insertRows(UUID loanId, UUID institutionId, int version, List<Installment> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Installment> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("""
                    insert into servicing_schedule_row (loan_id, version, n, institution_id, period_start, due_date,
                        principal, interest, total, balance_after) values """);
            List<Object> params = new ArrayList<>(chunk.size() * 10);
            for (int i = 0; i < chunk.size(); i++) {
                Installment r = chunk.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                params.addAll(java.util.Arrays.asList(loanId, version, r.n(), institutionId, r.periodStart(), r.dueDate(),
                        r.principal(), r.interest(), r.total(), r.balanceAfter()));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    List<Installment> rows(UUID loanId, int version, int digits) {
        return jdbc.sql("""
                select n, period_start, due_date, principal, interest, total, balance_after from servicing_schedule_row
                where loan_id = ? and version = ? order by n
                """).params(loanId, version).query((rs, i) -> new Installment(rs.getInt("n"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                BigDecimal.ZERO, scale(rs.getBigDecimal("interest"), digits), scale(rs.getBigDecimal("principal"), digits),
                scale(rs.getBigDecimal("interest"), digits), scale(rs.getBigDecimal("total"), digits),
                scale(rs.getBigDecimal("balance_after"), digits))).list();
    }

    private static BigDecimal scale(BigDecimal v, int digits) {
        return v.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /** The loan's current schedule: its terms with the stored rows of the current version. */
    Schedule schedule(LoanRow loan) {
        return schedule(loan.terms(), rows(loan.id(), loan.scheduleVersion(), loan.digits()));
    }

    static Schedule schedule(LoanTerms terms, List<Installment> rows) {
        BigDecimal interest = rows.stream().map(Installment::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = rows.stream().map(Installment::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Schedule(terms, rows, interest, total, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Money movements the engine replays: repayments (not reversed) and credit refunds, in booking order. */
    record Movements(List<Repayment> repayments, List<UUID> repaymentIds, List<Repayment> refunds) {
    }

    /**
     * The transactions the engine replays as money movements: repayments, prepayments, payoffs and
     * refunds, and a restructuring's fold — everything owed on its date paid off by the new
     * schedule's principal, a movement of the amount it allocated (older restructurings folded
     * nothing and allocated nothing).
     */
    static final String MOVEMENT = """
            (t.kind in ('REPAYMENT', 'PREPAYMENT', 'PAYOFF', 'REFUND')
             or (t.kind = 'RESTRUCTURING' and t.penalty + t.interest + t.principal + t.to_credit > 0))""";

    /** The amount a movement moves. */
    static final String MOVED = """
            case when t.kind = 'RESTRUCTURING' then t.penalty + t.interest + t.principal + t.to_credit else t.amount end""";

    Movements movements(UUID loanId) {
        List<Repayment> repayments = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        List<Repayment> refunds = new ArrayList<>();
        jdbc.sql("select t.id, t.kind, t.business_date, " + MOVED + " as amount from servicing_transaction t"
                + " where t.loan_id = ? and " + MOVEMENT + """
                  and not exists (select 1 from servicing_transaction r where r.reverses_id = t.id)
                order by t.business_date, t.seq
                """).param(loanId).query(rs -> {
                    Repayment r = new Repayment(rs.getObject("business_date", LocalDate.class), rs.getBigDecimal("amount"));
                    if ("REFUND".equals(rs.getString("kind"))) {
                        refunds.add(r);
                    } else {
                        repayments.add(r);
                        ids.add(rs.getObject("id", UUID.class));
                    }
                });
        return new Movements(repayments, ids, refunds);
    }

    record NewTransaction(UUID id, UUID institutionId, UUID loanId, String kind, LocalDate date, BigDecimal amount,
                          String channel, String idempotencyKey, UUID reversesId, BigDecimal penalty,
                          BigDecimal interest, BigDecimal principal, BigDecimal toCredit, String note, UUID createdBy) {
    }

    void insert(NewTransaction t, Instant now) {
        jdbc.sql("""
                insert into servicing_transaction (id, institution_id, loan_id, kind, business_date, amount, channel,
                    idempotency_key, reverses_id, penalty, interest, principal, to_credit, note, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(t.id(), t.institutionId(), t.loanId(), t.kind(), t.date(), t.amount(), t.channel(),
                t.idempotencyKey(), t.reversesId(), zero(t.penalty()), zero(t.interest()), zero(t.principal()),
                zero(t.toCredit()), t.note(), Timestamp.from(now), t.createdBy()).update();
    }

    /** Inserts many transactions in one batch (end of day's withholdings). */
    void insertAll(List<NewTransaction> transactions, Instant now) {
        if (transactions.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        template.batchUpdate("""
                insert into servicing_transaction (id, institution_id, loan_id, kind, business_date, amount, channel,
                    idempotency_key, reverses_id, penalty, interest, principal, to_credit, note, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, transactions.stream().map(t -> new Object[] {t.id(), t.institutionId(), t.loanId(), t.kind(),
                t.date(), t.amount(), t.channel(), t.idempotencyKey(), t.reversesId(), zero(t.penalty()),
                zero(t.interest()), zero(t.principal()), zero(t.toCredit()), t.note(), at, t.createdBy()}).toList());
    }

    /** The loans among {@code loanIds} that already hold a transaction with {@code key}. */
    java.util.Set<UUID> withKey(List<UUID> loanIds, String key) {
        if (loanIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(template.execute((org.springframework.jdbc.core.ConnectionCallback<List<UUID>>) c ->
                jdbc.sql("select loan_id from servicing_transaction where loan_id = any(?) and idempotency_key = ?")
                        .params(c.createArrayOf("uuid", loanIds.toArray()), key).query(UUID.class).list()));
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static final String BOOKED = """
            select t.*, exists (select 1 from servicing_transaction r where r.reverses_id = t.id) as reversed
            from servicing_transaction t""";

    Optional<BookedTransaction> byKey(UUID loanId, String key) {
        return jdbc.sql(BOOKED + " where t.loan_id = ? and t.idempotency_key = ?").params(loanId, key)
                .query(LoanRepository::booked).optional();
    }

    Optional<BookedTransaction> transaction(UUID loanId, UUID id) {
        return jdbc.sql(BOOKED + " where t.loan_id = ? and t.id = ?").params(loanId, id)
                .query(LoanRepository::booked).optional();
    }

    List<BookedTransaction> transactions(UUID loanId) {
        return jdbc.sql(BOOKED + " where t.loan_id = ? order by t.seq").param(loanId).query(LoanRepository::booked).list();
    }

    private static BookedTransaction booked(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new BookedTransaction(rs.getObject("id", UUID.class), rs.getString("kind"),
                rs.getObject("business_date", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("channel"),
                rs.getBigDecimal("penalty"), rs.getBigDecimal("interest"), rs.getBigDecimal("principal"),
                rs.getBigDecimal("to_credit"), rs.getObject("reverses_id", UUID.class), rs.getBoolean("reversed"),
                rs.getString("note"), rs.getTimestamp("created_at").toInstant());
    }

    /** Writes the loan's derived state after a change. */
    void update(UUID id, LoanState status, org.xiaodai.servicing.domain.Balances b, LocalDate oldestUnpaidDue,
                LocalDate nextDueDate, String grade, LocalDate positionDate, Instant now) {
        jdbc.sql("""
                update servicing_loan set status = ?, principal_outstanding = ?, interest_paid = ?, penalty_charged = ?,
                    penalty_paid = ?, credit_balance = ?, oldest_unpaid_due = ?, next_due_date = ?, grade = ?,
                    position_date = ?, paid_off_on = case when ? = 'PAID_OFF' then coalesce(paid_off_on, ?) else null end,
                    updated_at = ?, row_version = row_version + 1
                where id = ?
                """).params(status.name(), b.principal(), b.interestPaid(), b.penaltyCharged(), b.penaltyPaid(),
                b.credit(), oldestUnpaidDue, nextDueDate, grade, positionDate, status.name(), positionDate,
                Timestamp.from(now), id).update();
    }

    /** One loan's derived state to write, for {@link #updateAll}. */
    record StateUpdate(UUID id, LoanState status, org.xiaodai.servicing.domain.Balances balances,
                       LocalDate oldestUnpaidDue, LocalDate nextDueDate, String grade, LocalDate positionDate) {
    }

    /** {@link #update} of many loans in one batch. */
    void updateAll(List<StateUpdate> updates, Instant now) {
        if (updates.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        template.batchUpdate("""
                update servicing_loan set status = ?, principal_outstanding = ?, interest_paid = ?, penalty_charged = ?,
                    penalty_paid = ?, credit_balance = ?, oldest_unpaid_due = ?, next_due_date = ?, grade = ?,
                    position_date = ?, paid_off_on = case when ? = 'PAID_OFF' then coalesce(paid_off_on, ?) else null end,
                    updated_at = ?, row_version = row_version + 1
                where id = ?
                """, updates.stream().map(u -> new Object[] {u.status().name(), u.balances().principal(),
                u.balances().interestPaid(), u.balances().penaltyCharged(), u.balances().penaltyPaid(),
                u.balances().credit(), u.oldestUnpaidDue(), u.nextDueDate(), u.grade(), u.positionDate(),
                u.status().name(), u.positionDate(), at, u.id()}).toList());
    }

    void insertGradeChange(UUID institutionId, UUID loanId, LocalDate on, String from, String to, String reason,
                           String note, UUID actor, Instant now) {
        jdbc.sql("""
                insert into servicing_grade_change (id, institution_id, loan_id, changed_on, from_grade, to_grade,
                    reason, note, actor_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """).params(UUID.randomUUID(), institutionId, loanId, on, from, to, reason, note, actor,
                Timestamp.from(now)).update();
    }

    /** A grade history row for {@link #insertGradeChanges}. */
    record GradeChange(UUID institutionId, UUID loanId, LocalDate on, String from, String to, String reason, String note,
                       UUID actor) {
    }

    /** {@link #insertGradeChange} of many rows in one JDBC batch. */
    void insertGradeChanges(List<GradeChange> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        template.batchUpdate("""
                insert into servicing_grade_change (id, institution_id, loan_id, changed_on, from_grade, to_grade,
                    reason, note, actor_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """, changes.stream().map(c -> new Object[] {UUID.randomUUID(), c.institutionId(), c.loanId(), c.on(),
                c.from(), c.to(), c.reason(), c.note(), c.actor(), at}).toList());
    }

    LoanState state(UUID id) {
        return jdbc.sql("select status from servicing_loan where id = ?").param(id).query(String.class).optional()
                .map(LoanState::valueOf).orElseThrow();
    }

    void addRecovered(UUID id, BigDecimal amount) {
        jdbc.sql("update servicing_loan set recovered = recovered + ?, row_version = row_version + 1 where id = ?")
                .params(amount, id).update();
    }
}
