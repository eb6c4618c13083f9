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
import org.xiaodai.servicing.AccountRole;
import org.xiaodai.servicing.LedgerPosting;
import org.xiaodai.servicing.domain.Balances;

/**
 * End of day, servicing: due and overdue marking, penalty and compound interest (罚息/复利), credit
 * applied to installments falling due, and grade changes (五级分类, dated the next day). Closing
 * business date D moves every loan to its position at the start of D + 1. Only loans whose position
 * can change are read — those with an installment unpaid on or before D, those holding credit with
 * an installment due on D + 1, those whose watch period ends — and only those whose status, grade,
 * balances or oldest unpaid due date change are written. The ledger gets one voucher per partition
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

    @Override
    public long process(UUID institutionId, LocalDate day, int partition, int partitions) {
        LocalDate next = day.plusDays(1);
        List<LoanRow> candidates = jdbc.sql("select " + LoanRow.COLUMNS + """
                 from servicing_loan l
                where l.institution_id = :inst and l.status in ('ACTIVE', 'OVERDUE') and l.eod_bucket % :n = :p
                  and (l.oldest_unpaid_due <= :day
                       or l.watch_until = :next
                       or (l.credit_balance > 0 and exists (select 1 from servicing_schedule_row r
                            where r.loan_id = l.id and r.version = l.schedule_version and r.due_date = :next)))
                """).param("inst", institutionId).param("n", partitions).param("p", partition)
                .param("day", day).param("next", next).query(LoanRow::map).list();
        Map<AccountRole, BigDecimal> net = new EnumMap<>(AccountRole.class);
        List<LoanBook.Write> writes = new ArrayList<>();
        for (EodLoans.Loaded l : eodLoans.load(candidates)) {
            LoanBook.Derived today = book.derive(l.loan(), l.schedule(), l.movements(), day);
            LoanBook.Derived tomorrow = book.derive(l.loan(), l.schedule(), l.movements(), next);
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
        post(institutionId, day, partition, partitions, net);
        return candidates.size();
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
