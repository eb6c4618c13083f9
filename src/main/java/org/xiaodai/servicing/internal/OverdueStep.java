package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.eod.EndOfDayStep;
import org.xiaodai.calc.FiveLevelGrade;
import org.xiaodai.servicing.AccountRole;
import org.xiaodai.servicing.LedgerPosting;
import org.xiaodai.servicing.LoanState;
import org.xiaodai.servicing.domain.Balances;
import org.xiaodai.servicing.domain.Grades;

/**
 * End of day, servicing: due and overdue marking, penalty and compound interest (罚息/复利), credit
 * applied to installments falling due, and grade changes (五级分类, dated the next day). Closing
 * business date D moves every loan to its position at the start of D + 1. Only loans whose position
 * can change are read — those with an installment unpaid on or before D, those holding credit with
 * an installment due on D + 1, those whose watch period ends — and only those whose status, grade,
 * balances or oldest unpaid due date change are written. Most of them never reach the engine: the quiet
 * overdue loans ({@link #QUIET}) only gain penalty, summed in SQL, and the loans falling due or crossing
 * a grade threshold with nothing else moving ({@link #CLOSED_FORM}) get their new state in closed form.
 * The ledger gets one voucher per partition
 * with the summed differences (penalty charged, credit applied); interest accrual is
 * {@link AccrualStep}'s.
 */
@Component
class OverdueStep implements EndOfDayStep {

    static final int PARTITIONS = 8;

    private final JdbcClient jdbc;
    private final EodLoans eodLoans;
    private final LoanBook book;
    private final ApplicationEventPublisher events;

    OverdueStep(JdbcClient jdbc, EodLoans eodLoans, LoanBook book, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.eodLoans = eodLoans;
        this.book = book;
        this.events = events;
    }

    @Override
    public String name() {
        return "servicing.overdue";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public int partitions(UUID institutionId, LocalDate businessDate) {
        return PARTITIONS;
    }

    /**
     * An overdue loan whose closing of {@code :day} changes nothing but the penalty charged, and
     * whose penalty follows in closed form from its row and schedule: overdue already on the day
     * (oldest unpaid due date before it), no credit, nothing booked after its oldest unpaid due date
     * and no schedule version taking effect after it, no grade threshold of any table (1, 11, 31,
     * 91, 181, 271, 361 days past due) reached and no watch period ending on {@code :next}.
     *
     * <p>Why the engine's answer follows (servicing README §3, §5, §7): with nothing booked after
     * the oldest unpaid installment k fell due and no credit, no payment or credit touched any
     * installment from t_k on, so each installment i ≥ k due by the day has owed the same U_p, U_q
     * every day since t_i, and its exact penalty before day x is (x − t_i) × (U_p + [compound] U_q)
     * × A × M / (100 × Y), charged rounded once, zero while x − t_i ≤ grace days
     * ({@code servicing_penalty_charged}); installments before k are settled, so their penalty no
     * longer moves. The installments after k are untouched (U = the row); k owes the principal
     * outstanding less the later rows' principal and the interest of the rows through k less the
     * interest paid. Status, days-past-due grade, oldest unpaid due date, principal and credit stay
     * as stored, so no row is written and no event published. {@code OverduePenaltyIntegrationTest}
     * checks it against the engine on random loans.
     */
    static final String QUIET = "(" + OverdueStep.CLOSED_FORM + " and " + OverdueStep.QUIET_OF_CLOSED_FORM + ")";

    /**
     * A loan whose state as of {@code :next} follows in closed form from its row and schedule, as for
     * {@link #QUIET} but also when it falls due on the day (its oldest unpaid due date is the day: it
     * turns overdue) or crosses a grade threshold: active or overdue, an installment unpaid on or
     * before the day, no credit, positioned on or before the day, nothing booked after its oldest
     * unpaid due date k, no schedule version taking effect after k and no watch period ending on
     * {@code :next}. As of {@code :next} (servicing README §2, §4, §8) it is overdue with days past due
     * {@code :next − k}, its grade is the policy's table's for that (with the manual downgrade and the
     * watch floor), its oldest unpaid due date is k, principal, interest paid, penalty paid and credit
     * are the row's, its overdue principal and interest are the unpaid of the installments due by the
     * day, its next due date the first schedule row due on or after {@code :next}, and its penalty
     * charged the row's plus, per installment i ≥ k due by the day, the charge by {@code :next} less
     * the charge by the row's position date (as {@link WithholdingStep#CANDIDATES} does).
     * {@code ClosedFormOverdueIntegrationTest} checks it against the engine on random loans.
     */
    static final String CLOSED_FORM = """
            (l.status in ('ACTIVE', 'OVERDUE') and l.oldest_unpaid_due <= :day and l.credit_balance = 0
             and l.position_date <= :day
             and (l.watch_until is null or l.watch_until <> :next)
             and not exists (select 1 from servicing_transaction t where t.loan_id = l.id
                             and t.business_date > l.oldest_unpaid_due)
             and (l.schedule_version = 1 or not exists (select 1 from servicing_schedule_version v
                      where v.loan_id = l.id and v.version = l.schedule_version and v.effective_date > l.oldest_unpaid_due)))""";

    /**
     * What {@link #QUIET} adds to {@link #CLOSED_FORM}: overdue already on the day and no grade threshold reached on
     * {@code :next}; {@link #QUIET} is the two together, and {@link #classify} asks this only of closed-form loans.
     */
    static final String QUIET_OF_CLOSED_FORM = """
            (l.status = 'OVERDUE' and l.oldest_unpaid_due < :day
             and (:next - l.oldest_unpaid_due) not in (1, 11, 31, 91, 181, 271, 361))""";

    /**
     * A partition's loans with an installment unpaid on or before the day, by the way their next day is derived:
     * {@link #QUIET} ({@code quiet}), {@link #CLOSED_FORM} but not quiet ({@code closed}), neither ({@code engine}).
     */
    record Classes(List<UUID> quiet, List<UUID> closed, List<UUID> engine) {
    }

    /**
     * Sorts the partition's loans with an installment unpaid by the day into {@link Classes} in one pass: each loan's
     * closed-form conditions (two index probes, of its transactions and its schedule versions) are evaluated once, where
     * the quiet, closed-form and engine reads used to evaluate them each over the same loans.
     */
    Classes classify(UUID institutionId, LocalDate day, int partition, int partitions) {
        List<UUID> quiet = new ArrayList<>();
        List<UUID> closed = new ArrayList<>();
        List<UUID> engine = new ArrayList<>();
        jdbc.sql("""
                select l.id, case when not coalesce(""" + CLOSED_FORM + """
                , false) then 'E'
                                  when\s""" + QUIET_OF_CLOSED_FORM + """
                 then 'Q' else 'C' end
                  from servicing_loan l
                 where l.oldest_unpaid_due <= :day and l.institution_id = :inst and l.status in ('ACTIVE', 'OVERDUE')
                   and l.eod_bucket % :n = :p
                """).param("inst", institutionId).param("n", partitions).param("p", partition)
                .param("day", day).param("next", day.plusDays(1))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    switch (rs.getString(2)) {
                        case "Q" -> quiet.add(id);
                        case "C" -> closed.add(id);
                        default -> engine.add(id);
                    }
                });
        return new Classes(quiet, closed, engine);
    }

    /** Ids as a {@code uuid[]} literal for {@code cast(:ids as uuid[])}. */
    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** A {@link #CLOSED_FORM} loan that is not {@link #QUIET}: its row, and its figures as of the next day. */
    record Closed(LoanRow loan, BigDecimal penaltyOfDay, BigDecimal penaltyCharged, BigDecimal overduePrincipal,
                  BigDecimal overdueInterest, LocalDate nextDueDate) {

        long daysPastDue(LocalDate next) {
            return next.toEpochDay() - loan.oldestUnpaidDue().toEpochDay();
        }

        FiveLevelGrade grade(LocalDate next) {
            return Grades.effective(loan.policy().classification().grade(daysPastDue(next)), loan.manualGrade(),
                    loan.watchUntil(), next);
        }

        /**
         * Whether the row is written, as for a loan the engine derived: it turns overdue or changes grade
         * (its oldest unpaid due date, principal and credit stay the row's); otherwise only its penalty moves.
         */
        boolean changed(LocalDate next) {
            return loan.status() != LoanState.OVERDUE || loan.grade() != grade(next);
        }
    }

    /** The given {@link #CLOSED_FORM} loans that are not {@link #QUIET} ({@link #classify}), locked, with their figures as of the next day. */
    List<Closed> closedForm(UUID institutionId, LocalDate day, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                with c as (
                    select l.*, l.oldest_unpaid_due as k_due, l.position_date as p_date,
                           (l.terms ->> 'annualInterestRatePercent')::numeric
                               * (l.policy ->> 'penaltyRateMultiplier')::numeric as f_rate,
                           (l.policy ->> 'penaltyDaysInYear')::int as f_year_days, (l.policy ->> 'graceDays')::int as f_grace,
                           (l.policy ->> 'compoundOverdueInterest')::boolean as f_compound,
                           (l.terms ->> 'currencyDigits')::int as f_digits, (l.terms ->> 'roundingMode') = 'HALF_EVEN' as f_half_even
                    from servicing_loan l
                    where l.institution_id = :inst and l.id = any(cast(:ids as uuid[]))
                    for update of l
                )
                select\s""" + LoanRow.COLUMNS + """
                , x.of_day, c.penalty_charged + x.since_position as charged_next, x.o_principal as overdue_principal,
                       x.o_interest as overdue_interest,
                       (select min(r.due_date) from servicing_schedule_row r where r.loan_id = c.id
                          and r.version = c.schedule_version and r.due_date >= :next and r.principal + r.interest > 0) as next_due
                from c
                cross join lateral (
                    select coalesce(sum(b.principal), 0) as o_principal, coalesce(sum(b.interest), 0) as o_interest,
                           coalesce(sum(servicing_penalty_charged(b.principal + case when c.f_compound then b.interest else 0 end,
                                                                  :next - b.due_date, c.f_grace, c.f_rate, c.f_year_days, c.f_digits,
                                                                  c.f_half_even)
                                        - servicing_penalty_charged(b.principal + case when c.f_compound then b.interest else 0 end,
                                                                    :day - b.due_date, c.f_grace, c.f_rate, c.f_year_days, c.f_digits,
                                                                    c.f_half_even)), 0) as of_day,
                           coalesce(sum(servicing_penalty_charged(b.principal + case when c.f_compound then b.interest else 0 end,
                                                                  :next - b.due_date, c.f_grace, c.f_rate, c.f_year_days, c.f_digits,
                                                                  c.f_half_even)
                                        - servicing_penalty_charged(b.principal + case when c.f_compound then b.interest else 0 end,
                                                                    c.p_date - b.due_date, c.f_grace, c.f_rate, c.f_year_days, c.f_digits,
                                                                    c.f_half_even)), 0) as since_position
                    from (""" + UnpaidInstallments.rowsOf("c") + """
                    ) b
                    where b.due_date >= c.k_due and b.due_date <= :day
                ) x
                """).param("inst", institutionId).param("ids", array(ids))
                .param("day", day).param("next", day.plusDays(1))
                .query((rs, n) -> new Closed(LoanRow.map(rs, n), rs.getBigDecimal("of_day"), rs.getBigDecimal("charged_next"),
                        rs.getBigDecimal("overdue_principal"), rs.getBigDecimal("overdue_interest"),
                        rs.getObject("next_due", LocalDate.class)))
                .list();
    }

    /** The day's penalty charged per given {@link #QUIET} loan ({@link #classify}; loans charged nothing left out). */
    Map<UUID, BigDecimal> quietPenalties(UUID institutionId, LocalDate day, List<UUID> ids) {
        Map<UUID, BigDecimal> penalties = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return penalties;
        }
        // each quiet loan's rows are read through its primary key (a lateral subquery per loan), never by
        // joining the whole schedule table
        jdbc.sql("""
                with quiet as (
                    select l.id, l.oldest_unpaid_due as k_due, l.principal_outstanding, l.interest_paid, l.schedule_version,
                           (l.terms ->> 'annualInterestRatePercent')::numeric
                               * (l.policy ->> 'penaltyRateMultiplier')::numeric as rate,
                           (l.policy ->> 'penaltyDaysInYear')::int as year_days, (l.policy ->> 'graceDays')::int as grace,
                           (l.policy ->> 'compoundOverdueInterest')::boolean as compound,
                           (l.terms ->> 'currencyDigits')::int as digits, (l.terms ->> 'roundingMode') = 'HALF_EVEN' as half_even
                    from servicing_loan l
                    where l.institution_id = :inst and l.id = any(cast(:ids as uuid[]))
                )
                select q.id, x.penalty
                from quiet q
                cross join lateral (
                    select coalesce(sum(servicing_penalty_charged(b.base, :next - b.due_date, q.grace, q.rate, q.year_days,
                                                                  q.digits, q.half_even)
                                        - servicing_penalty_charged(b.base, :day - b.due_date, q.grace, q.rate, q.year_days,
                                                                    q.digits, q.half_even)), 0) as penalty
                    from (select u.due_date, u.principal + case when q.compound then u.interest else 0 end as base
                          from (""" + UnpaidInstallments.rowsOf("q") + """
                          ) u) b
                    where b.due_date >= q.k_due and b.due_date <= :day
                ) x
                """).param("inst", institutionId).param("ids", array(ids))
                .param("day", day).param("next", day.plusDays(1))
                .query(rs -> {
                    BigDecimal charged = rs.getBigDecimal(2);
                    if (charged.signum() != 0) {
                        penalties.put(rs.getObject(1, UUID.class), charged);
                    }
                });
        return penalties;
    }

    @Override
    public long process(UUID institutionId, LocalDate day, int partition, int partitions) {
        LocalDate next = day.plusDays(1);
        // the loans with an installment unpaid by the day, sorted once into quiet, closed-form and engine loans
        Classes classes = classify(institutionId, day, partition, partitions);
        // the engine's loans: those, and the two other reasons a loan is read, one index scan each
        // (servicing_loan_watch, servicing_loan_credit; the credit arm's exists is fenced with offset 0 so that it
        // is asked of the few loans holding credit, not answered by joining every schedule row due the next day)
        String rest = " " + """
                 and l.institution_id = :inst and l.status in ('ACTIVE', 'OVERDUE') and l.eod_bucket % :n = :p
                 and not coalesce(""" + CLOSED_FORM + """
                , false)""";
        List<LoanRow> candidates = jdbc.sql("""
                with ids as (
                    select unnest(cast(:engine as uuid[])) as id
                    union
                    select l.id from servicing_loan l where l.watch_until = :next""" + rest + """

                    union
                    select l.id from servicing_loan l where l.credit_balance > 0
                      and exists (select 1 from servicing_schedule_row r
                                  where r.loan_id = l.id and r.version = l.schedule_version and r.due_date = :next
                                  offset 0)""" + rest + """

                )
                select\s""" + LoanRow.COLUMNS + """
                 from servicing_loan l where l.id in (select ids.id from ids)
                """).param("inst", institutionId).param("n", partitions).param("p", partition)
                .param("engine", array(classes.engine()))
                .param("day", day).param("next", next).query(LoanRow::map).list();
        Map<AccountRole, BigDecimal> net = new EnumMap<>(AccountRole.class);
        // the quiet overdue loans: only their penalty moves, summed in SQL (Dr 应收罚息 / Cr 罚息收入)
        Map<UUID, BigDecimal> quiet = quietPenalties(institutionId, day, classes.quiet());
        BigDecimal quietPenalty = quiet.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (quietPenalty.signum() != 0) {
            net.merge(AccountRole.PENALTY_RECEIVABLE, quietPenalty, BigDecimal::add);
            net.merge(AccountRole.PENALTY_INCOME, quietPenalty.negate(), BigDecimal::add);
        }
        // the loans falling due or crossing a grade threshold without anything else moving: closed-form too
        List<Closed> closed = closedForm(institutionId, day, classes.closed());
        List<LoanBook.ClosedWrite> closedWrites = new ArrayList<>();
        BigDecimal closedPenalty = BigDecimal.ZERO;
        for (Closed c : closed) {
            closedPenalty = closedPenalty.add(c.penaltyOfDay());
            if (c.changed(next)) {
                closedWrites.add(new LoanBook.ClosedWrite(c.loan(), next, c.loan().oldestUnpaidDue(), c.nextDueDate(),
                        c.grade(next), c.penaltyCharged(), c.daysPastDue(next), c.overduePrincipal(), c.overdueInterest()));
            }
        }
        if (closedPenalty.signum() != 0) {
            net.merge(AccountRole.PENALTY_RECEIVABLE, closedPenalty, BigDecimal::add);
            net.merge(AccountRole.PENALTY_INCOME, closedPenalty.negate(), BigDecimal::add);
        }
        List<LoanBook.Write> writes = new ArrayList<>();
        for (EodLoans.Loaded l : eodLoans.load(candidates)) {
            List<LoanBook.Derived> both = book.deriveBoth(l.loan(), l.schedule(), l.movements(), day, next);
            LoanBook.Derived today = both.get(0);
            LoanBook.Derived tomorrow = both.get(1);
            // interest earned is the accrual step's; this step moves everything else
            Balances before = today.balances().withInterestEarned(tomorrow.balances().interestEarned());
            for (LedgerPosting.Line line : before.linesTo(tomorrow.balances(), BigDecimal.ZERO)) {
                net.merge(line.role(), line.debit() ? line.amount() : line.amount().negate(), BigDecimal::add);
            }
            if (changed(l.loan(), tomorrow) && (l.loan().positionDate() == null || !l.loan().positionDate().isAfter(next))) {
                writes.add(new LoanBook.Write(l.loan(), tomorrow, next, l.loan().watchUntil() != null
                        && l.loan().watchUntil().equals(next) ? "WATCH_ENDED" : "DAYS_PAST_DUE", null));
            }
        }
        // the changed rows in one batch; a loan falling overdue publishes InstallmentOverdue there
        book.writeAll(writes);
        book.writeAllClosed(closedWrites);
        post(institutionId, day, partition, partitions, net);
        return candidates.size() + closed.size() + quiet.size();
    }

    private static boolean changed(LoanRow loan, LoanBook.Derived d) {
        return loan.status() != d.status() || loan.grade() != d.grade()
                || !java.util.Objects.equals(loan.oldestUnpaidDue(), d.oldestUnpaidDue())
                || loan.principalOutstanding().compareTo(d.balances().principal()) != 0
                || loan.creditBalance().compareTo(d.balances().credit()) != 0;
    }

    private void post(UUID institutionId, LocalDate day, int partition, int partitions, Map<AccountRole, BigDecimal> net) {
        List<LedgerPosting.Line> lines = new ArrayList<>();
        net.forEach((role, amount) -> {
            if (amount.signum() != 0) {
                lines.add(new LedgerPosting.Line(role, amount.signum() > 0, amount.abs()));
            }
        });
        if (lines.isEmpty()) {
            return;
        }
        UUID eventId = UUID.nameUUIDFromBytes((name() + ":" + institutionId + ":" + day + ":" + partition + "/" + partitions)
                .getBytes(StandardCharsets.UTF_8));
        events.publishEvent(new LedgerPosting(eventId, institutionId, day, "PENALTY_AND_CREDIT", null, null, lines));
    }
}
