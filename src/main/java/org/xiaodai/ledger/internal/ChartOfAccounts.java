package org.xiaodai.ledger.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.servicing.AccountRole;

/**
 * The chart of accounts (会计科目表) of each institution: one account per {@link AccountRole}, with the
 * defaults of DOMAIN.md §10 (codes of the 企业会计准则 where one exists), configurable through
 * {@code xiaodai.ledger.accounts.<ROLE>} (code, zh and en names). An institution's accounts are
 * written the first time it posts and stay as written.
 */
@Component
class ChartOfAccounts {

    record Account(String code, String nameZh, String nameEn, String kind) {
    }

    static final Map<AccountRole, Account> DEFAULTS = new EnumMap<>(Map.of(
            AccountRole.BANK, new Account("1002", "银行存款", "Bank deposits", "ASSET"),
            AccountRole.INTEREST_RECEIVABLE, new Account("1132", "应收利息", "Interest receivable", "ASSET"),
            AccountRole.PENALTY_RECEIVABLE, new Account("1133", "应收罚息", "Penalty interest receivable", "ASSET"),
            AccountRole.LOAN_PRINCIPAL, new Account("1303", "贷款", "Loans", "ASSET"),
            AccountRole.LOAN_LOSS_PROVISION, new Account("1304", "贷款损失准备", "Loan loss provision", "ASSET"),
            AccountRole.CREDIT_BALANCE, new Account("2241", "其他应付款-溢缴款", "Borrowers' credit balances", "LIABILITY"),
            AccountRole.INTEREST_INCOME, new Account("6011", "利息收入", "Interest income", "INCOME"),
            AccountRole.PENALTY_INCOME, new Account("6012", "罚息收入", "Penalty interest income", "INCOME"),
            AccountRole.RECOVERY_INCOME, new Account("6301", "营业外收入-已核销贷款收回", "Recoveries of loans written off", "INCOME"),
            AccountRole.IMPAIRMENT_LOSS, new Account("6701", "资产减值损失", "Impairment losses", "EXPENSE")));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<AccountRole, Account> chart;

    ChartOfAccounts(JdbcClient jdbc, Clock clock, LedgerProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.chart = new EnumMap<>(DEFAULTS);
        properties.accounts().forEach((role, a) -> chart.merge(role, new Account(a.code(), a.nameZh(), a.nameEn(),
                DEFAULTS.get(role).kind()), (d, c) -> new Account(c.code() == null ? d.code() : c.code(),
                c.nameZh() == null ? d.nameZh() : c.nameZh(), c.nameEn() == null ? d.nameEn() : c.nameEn(), d.kind())));
    }

    /**
     * Writes the institution's chart if it has none yet; true when it was complete already and
     * committed by another transaction (rows this transaction wrote may still roll back, so they
     * must not be remembered: an end-of-day partition that wrote the chart and then failed left
     * every later posting with codes of accounts that were never committed).
     */
    boolean ensure(UUID institutionId) {
        record Count(int total, int ours) {
        }
        Count count = jdbc.sql("""
                select count(*), count(*) filter (where xmin = pg_current_xact_id_if_assigned()::xid)
                from ledger_account where institution_id = ?
                """).param(institutionId).query((rs, i) -> new Count(rs.getInt(1), rs.getInt(2))).single();
        if (count.total() >= chart.size()) {
            return count.ours() == 0;
        }
        chart.forEach((role, a) -> jdbc.sql("""
                insert into ledger_account (institution_id, code, role, name_zh, name_en, kind, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """).params(institutionId, a.code(), role.name(), a.nameZh(), a.nameEn(), a.kind(),
                Timestamp.from(clock.instant())).update());
        return false;
    }

    /**
     * The institution's account code per role (its chart written first if needed). A chart never
     * changes once written, so a complete one is remembered per institution.
     */
    Map<String, String> codes(UUID institutionId) {
        Map<String, String> known = complete.get(institutionId);
        if (known != null) {
            return known;
        }
        boolean committedBefore = ensure(institutionId);
        Map<String, String> codes = new java.util.HashMap<>();
        jdbc.sql("select role, code from ledger_account where institution_id = ?").param(institutionId)
                .query(rs -> {
                    codes.put(rs.getString(1), rs.getString(2));
                });
        if (committedBefore && codes.size() >= chart.size()) {
            complete.put(institutionId, Map.copyOf(codes));
        }
        return codes;
    }

    private final Map<UUID, Map<String, String>> complete = new java.util.concurrent.ConcurrentHashMap<>();
}
