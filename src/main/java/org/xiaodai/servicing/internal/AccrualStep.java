package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.eod.EndOfDayStep;
import org.xiaodai.servicing.AccountRole;
import org.xiaodai.servicing.LedgerPosting;

/**
 * End of day: interest accrual (利息计提), derived from the schedule rows and posted in aggregate —
 * one voucher per institution and day, Dr 应收利息 / Cr 利息收入, no loan row read one by one or
 * written. Closing D, each open loan's current row (period_start ≤ D &lt; due_date) earns
 * {@code servicing_earned(…, D + 1) − servicing_earned(…, D)}: the servicing README's accrued
 * interest from one day to the next, the whole row's interest by its due date. Rows of ordinary
 * periods are found through the due-date index within {@value #SHORT_PERIOD_DAYS} days, long
 * periods (bullet loans, half-yearly installments) through their own partial index.
 */
@Component
class AccrualStep implements EndOfDayStep {

    static final int SHORT_PERIOD_DAYS = 100;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AccrualStep(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public String name() {
        return "servicing.accrual";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public int partitions(UUID institutionId, LocalDate businessDate) {
        return 1;
    }

    @Override
    public long process(UUID institutionId, LocalDate day, int partition, int partitions) {
        BigDecimal accrued = jdbc.sql("""
                with current_rows as (
                    select r.loan_id, r.version, r.interest, r.period_start, r.due_date from servicing_schedule_row r
                    where r.institution_id = :inst and r.due_date > :day and r.due_date <= :horizon
                      and r.period_start <= :day
                    union all
                    select r.loan_id, r.version, r.interest, r.period_start, r.due_date from servicing_schedule_row r
                    where r.institution_id = :inst and r.due_date - r.period_start > :short and r.due_date > :horizon
                      and r.period_start <= :day
                )
                select coalesce(sum(servicing_earned(c.interest, c.period_start, c.due_date, :next, l.currency_digits, l.half_even)
                                  - servicing_earned(c.interest, c.period_start, c.due_date, :day, l.currency_digits, l.half_even)), 0)
                from current_rows c
                join servicing_loan l on l.id = c.loan_id and l.schedule_version = c.version
                where l.institution_id = :inst and l.status in ('ACTIVE', 'OVERDUE') and l.eod_bucket % :n = :p
                """).param("inst", institutionId).param("day", day).param("next", day.plusDays(1))
                .param("horizon", day.plusDays(SHORT_PERIOD_DAYS)).param("short", SHORT_PERIOD_DAYS)
                .param("n", partitions).param("p", partition).query(BigDecimal.class).single();
        if (accrued.signum() == 0) {
            return 0;
        }
        UUID eventId = UUID.nameUUIDFromBytes((name() + ":" + institutionId + ":" + day + ":" + partition + "/" + partitions)
                .getBytes(StandardCharsets.UTF_8));
        List<LedgerPosting.Line> lines = accrued.signum() > 0
                ? List.of(LedgerPosting.Line.debit(AccountRole.INTEREST_RECEIVABLE, accrued),
                          LedgerPosting.Line.credit(AccountRole.INTEREST_INCOME, accrued))
                : List.of(LedgerPosting.Line.credit(AccountRole.INTEREST_RECEIVABLE, accrued.negate()),
                          LedgerPosting.Line.debit(AccountRole.INTEREST_INCOME, accrued.negate()));
        events.publishEvent(new LedgerPosting(eventId, institutionId, day, "ACCRUAL", null, null, lines));
        return 1;
    }
}
