package org.xiaodai.ledger.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.servicing.LedgerPosting;

/**
 * Books every {@link LedgerPosting} as one voucher with its entries, in the transaction that
 * published it (a plain {@link EventListener}: the business event and its voucher commit together
 * or not at all). Idempotent on the event id: a posting whose event already has a voucher books
 * nothing. The database refuses a voucher that does not balance at commit.
 */
@Component
class VoucherBook {

    private final JdbcClient jdbc;
    private final ChartOfAccounts chart;
    private final Clock clock;

    VoucherBook(JdbcClient jdbc, ChartOfAccounts chart, Clock clock) {
        this.jdbc = jdbc;
        this.chart = chart;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void post(LedgerPosting posting) {
        Map<String, String> codes = chart.codes(posting.institutionId());
        UUID id = UUID.randomUUID();
        UUID reverses = posting.reversesEventId() == null ? null : jdbc.sql(
                        "select id from ledger_voucher where institution_id = ? and event_id = ?")
                .params(posting.institutionId(), posting.reversesEventId()).query(UUID.class).optional().orElse(null);
        int inserted = jdbc.sql("""
                insert into ledger_voucher (id, institution_id, event_id, voucher_date, kind, loan_id, reverses_id,
                    total, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (institution_id, event_id) do nothing
                """).params(id, posting.institutionId(), posting.eventId(), posting.date(), posting.kind(),
                posting.loanId(), reverses, posting.total(), Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            return;
        }
        for (LedgerPosting.Line line : posting.lines()) {
            jdbc.sql("""
                    insert into ledger_entry (institution_id, voucher_id, voucher_date, account_code, debit, credit)
                    values (?, ?, ?, ?, ?, ?)
                    """).params(posting.institutionId(), id, posting.date(), codes.get(line.role().name()),
                    line.debit() ? line.amount() : java.math.BigDecimal.ZERO,
                    line.debit() ? java.math.BigDecimal.ZERO : line.amount()).update();
        }
    }
}
