package org.xiaodai.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.ledger.Ledger;
import org.xiaodai.servicing.AccountRole;
import org.xiaodai.servicing.Loans;

/** {@link Ledger} over the ledger tables; the reconciliation asks servicing for the sub-ledger. */
@Service
@Transactional(readOnly = true)
class LedgerService implements Ledger {

    private final JdbcClient jdbc;
    private final ChartOfAccounts chart;
    private final Loans loans;
    private final LedgerProperties properties;

    LedgerService(JdbcClient jdbc, ChartOfAccounts chart, Loans loans, LedgerProperties properties) {
        this.jdbc = jdbc;
        this.chart = chart;
        this.loans = loans;
        this.properties = properties;
    }

    @Override
    public Provisioning provisioning(UUID institutionId, LocalDate date) {
        // the account as written in the institution's chart (none yet: nothing provisioned)
        BigDecimal held = jdbc.sql("""
                select coalesce(sum(e.credit - e.debit), 0) from ledger_account a
                  join ledger_entry e on e.institution_id = a.institution_id and e.account_code = a.code
                       and e.voucher_date <= ?
                 where a.institution_id = ? and a.role = ?""")
                .params(date, institutionId, AccountRole.LOAN_LOSS_PROVISION.name()).query(BigDecimal.class).single();
        return new Provisioning(date, held, properties.provisionRates());
    }

    @Override
    public TrialBalance trialBalance(UUID institutionId, LocalDate date) {
        List<AccountLine> lines = jdbc.sql("""
                select a.code, a.role, a.name_zh, a.name_en, a.kind,
                       coalesce(sum(e.debit), 0) as debit, coalesce(sum(e.credit), 0) as credit,
                       coalesce(sum(e.debit) filter (where e.voucher_date = :date), 0) as day_debit,
                       coalesce(sum(e.credit) filter (where e.voucher_date = :date), 0) as day_credit
                from ledger_account a
                left join ledger_entry e on e.institution_id = a.institution_id and e.account_code = a.code
                     and e.voucher_date <= :date
                where a.institution_id = :institution
                group by a.code, a.role, a.name_zh, a.name_en, a.kind order by a.code
                """).param("date", date).param("institution", institutionId).query((rs, i) -> {
                    BigDecimal debit = rs.getBigDecimal("debit");
                    BigDecimal credit = rs.getBigDecimal("credit");
                    boolean debitNormal = AccountRole.valueOf(rs.getString("role")).debitNormal();
                    return new AccountLine(rs.getString("code"), rs.getString("role"), rs.getString("name_zh"),
                            rs.getString("name_en"), rs.getString("kind"), debit, credit, rs.getBigDecimal("day_debit"),
                            rs.getBigDecimal("day_credit"), debitNormal ? debit.subtract(credit) : credit.subtract(debit));
                }).list();
        BigDecimal totalDebit = lines.stream().map(AccountLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal totalCredit = lines.stream().map(AccountLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TrialBalance(date, totalDebit, totalCredit, totalDebit.compareTo(totalCredit) == 0, lines);
    }

    @Override
    public Reconciliation reconciliation(UUID institutionId, LocalDate date) {
        Map<String, String> codes = chart.codes(institutionId);
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        for (AccountLine line : trialBalance(institutionId, date).accounts()) {
            balances.put(line.role(), line.balance());
        }
        Loans.SubLedgerTotals sub = loans.subLedger(institutionId, date);
        List<ReconciliationLine> lines = new ArrayList<>();
        lines.add(line("principal", AccountRole.LOAN_PRINCIPAL, codes, balances, sub.principal()));
        lines.add(line("interestReceivable", AccountRole.INTEREST_RECEIVABLE, codes, balances, sub.interestReceivable()));
        lines.add(line("penaltyReceivable", AccountRole.PENALTY_RECEIVABLE, codes, balances, sub.penaltyReceivable()));
        lines.add(line("creditBalances", AccountRole.CREDIT_BALANCE, codes, balances, sub.creditBalances()));
        BigDecimal difference = lines.stream().map(l -> l.difference().abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Reconciliation(date, sub.loans(), difference, difference.signum() == 0, lines);
    }

    private static ReconciliationLine line(String item, AccountRole role, Map<String, String> codes,
                                           Map<String, BigDecimal> balances, BigDecimal subLedger) {
        BigDecimal gl = balances.getOrDefault(role.name(), BigDecimal.ZERO);
        BigDecimal sub = subLedger.setScale(2, java.math.RoundingMode.UNNECESSARY);
        return new ReconciliationLine(item, codes.get(role.name()), gl, sub, gl.subtract(sub));
    }

    @Override
    public List<Voucher> vouchersOfLoan(UUID loanId) {
        Map<UUID, List<Entry>> entries = new LinkedHashMap<>();
        jdbc.sql("""
                select e.voucher_id, e.account_code, a.name_zh, e.debit, e.credit from ledger_entry e
                join ledger_voucher v on v.id = e.voucher_id
                join ledger_account a on a.institution_id = e.institution_id and a.code = e.account_code
                where v.loan_id = ? order by e.entry_no
                """).param(loanId).query(rs -> {
                    entries.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Entry(rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
                });
        return jdbc.sql("select * from ledger_voucher where loan_id = ? order by seq").param(loanId)
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Voucher(id, rs.getObject("event_id", UUID.class),
                            rs.getObject("voucher_date", LocalDate.class), rs.getString("kind"),
                            rs.getObject("loan_id", UUID.class), rs.getObject("reverses_id", UUID.class),
                            rs.getBigDecimal("total"), entries.getOrDefault(id, List.of()));
                }).list();
    }
}
