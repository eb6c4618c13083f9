package org.xiaodai.ledger.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate template;

    VoucherBook(JdbcClient jdbc, JdbcTemplate template, ChartOfAccounts chart, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
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

    /**
     * Books a batch of postings as {@link #post} books each one: postings whose event already has a
     * voucher book nothing; the vouchers and then all their entries go in one batched statement
     * each.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void postAll(LedgerPosting.Batch batch) {
        List<LedgerPosting> fresh = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (LedgerPosting p : batch.postings()) {
            if (p.reversesEventId() != null) {
                post(p); // a reversal names an earlier voucher: booked alone
            } else if (seen.add(p.eventId())) {
                fresh.add(p);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Set<UUID> booked = new HashSet<>();
        for (UUID institution : fresh.stream().map(LedgerPosting::institutionId).distinct().toList()) {
            Object[] events = fresh.stream().filter(p -> p.institutionId().equals(institution))
                    .map(LedgerPosting::eventId).toArray();
            booked.addAll(template.execute((org.springframework.jdbc.core.ConnectionCallback<List<UUID>>) c ->
                    jdbc.sql("select event_id from ledger_voucher where institution_id = ? and event_id = any(?)")
                            .params(institution, c.createArrayOf("uuid", events)).query(UUID.class).list()));
        }
        fresh.removeIf(p -> booked.contains(p.eventId()));
        if (fresh.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> vouchers = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (LedgerPosting p : fresh) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            vouchers.add(new Object[] {id, p.institutionId(), p.eventId(), p.date(), p.kind(), p.loanId(), p.total(), now});
        }
        int[] inserted = template.batchUpdate("""
                insert into ledger_voucher (id, institution_id, event_id, voucher_date, kind, loan_id, reverses_id,
                    total, created_at) values (?, ?, ?, ?, ?, ?, null, ?, ?)
                on conflict (institution_id, event_id) do nothing
                """, vouchers);
        List<Object[]> entries = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            if (inserted[i] == 0) {
                continue; // booked meanwhile by another transaction
            }
            LedgerPosting p = fresh.get(i);
            Map<String, String> codes = chart.codes(p.institutionId());
            for (LedgerPosting.Line line : p.lines()) {
                entries.add(new Object[] {p.institutionId(), ids.get(i), p.date(), codes.get(line.role().name()),
                        line.debit() ? line.amount() : java.math.BigDecimal.ZERO,
                        line.debit() ? java.math.BigDecimal.ZERO : line.amount()});
            }
        }
        template.batchUpdate("""
                insert into ledger_entry (institution_id, voucher_id, voucher_date, account_code, debit, credit)
                values (?, ?, ?, ?, ?, ?)
                """, entries);
    }
}
