package org.xiaodai.ledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.eod.EndOfDayStep;
import org.xiaodai.servicing.AccountRole;
import org.xiaodai.servicing.LedgerPosting;
import org.xiaodai.servicing.Loans;

/**
 * End of day: loan-loss provisions (贷款损失准备) per grade. The provision the loans need — principal
 * outstanding per grade × the grade's rate ({@code xiaodai.ledger.provision-rates}) — is compared
 * with the provision account's balance and the difference posted as one voucher per institution
 * and day (Dr 资产减值损失 / Cr 贷款损失准备, or back). Runs after servicing's steps have graded the
 * day; idempotent on the institution and date.
 */
@Component
class Provisions implements EndOfDayStep {

    private final JdbcClient jdbc;
    private final Loans loans;
    private final LedgerProperties properties;
    private final ChartOfAccounts chart;
    private final ApplicationEventPublisher events;

    Provisions(JdbcClient jdbc, Loans loans, LedgerProperties properties, ChartOfAccounts chart,
               ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.loans = loans;
        this.properties = properties;
        this.chart = chart;
        this.events = events;
    }

    @Override
    public String name() {
        return "ledger.provisions";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public int partitions(UUID institutionId, LocalDate businessDate) {
        return 1;
    }

    @Override
    public long process(UUID institutionId, LocalDate businessDate, int partition, int partitions) {
        BigDecimal required = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : loans.principalByGrade(institutionId).entrySet()) {
            BigDecimal rate = properties.provisionRates().getOrDefault(e.getKey(), BigDecimal.ZERO);
            required = required.add(e.getValue().multiply(rate));
        }
        required = required.setScale(2, RoundingMode.HALF_UP);
        String code = chart.codes(institutionId).get(AccountRole.LOAN_LOSS_PROVISION.name());
        BigDecimal held = jdbc.sql("""
                select coalesce(sum(credit - debit), 0) from ledger_entry
                where institution_id = ? and account_code = ? and voucher_date <= ?
                """).params(institutionId, code, businessDate).query(BigDecimal.class).single();
        BigDecimal change = required.subtract(held);
        if (change.signum() == 0) {
            return 0;
        }
        UUID eventId = UUID.nameUUIDFromBytes(("ledger.provisions:" + institutionId + ":" + businessDate)
                .getBytes(StandardCharsets.UTF_8));
        List<LedgerPosting.Line> lines = new ArrayList<>();
        if (change.signum() > 0) {
            lines.add(LedgerPosting.Line.debit(AccountRole.IMPAIRMENT_LOSS, change));
            lines.add(LedgerPosting.Line.credit(AccountRole.LOAN_LOSS_PROVISION, change));
        } else {
            lines.add(LedgerPosting.Line.debit(AccountRole.LOAN_LOSS_PROVISION, change.negate()));
            lines.add(LedgerPosting.Line.credit(AccountRole.IMPAIRMENT_LOSS, change.negate()));
        }
        events.publishEvent(new LedgerPosting(eventId, institutionId, businessDate, "PROVISION", null, null, lines));
        return 1;
    }
}
