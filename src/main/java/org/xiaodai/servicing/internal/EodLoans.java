package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.calc.Installment;
import org.xiaodai.calc.Repayment;
import org.xiaodai.calc.Schedule;

/** Loads the schedules and money movements of many loans in two statements, for end of day. */
@Component
class EodLoans {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EodLoans(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record Loaded(LoanRow loan, Schedule schedule, LoanRepository.Movements movements) {
    }

    List<Loaded> load(List<LoanRow> loans) {
        return load(loans, Map.of(), null);
    }

    /**
     * The loans with the schedule version given in {@code versions} (default: the current one) and
     * the money movements not reversed by {@code reversedBy} (null: not reversed at all) — a past
     * date's view for the reconciliation.
     */
    List<Loaded> load(List<LoanRow> loans, Map<UUID, Integer> scheduleVersions, LocalDate reversedBy) {
        if (loans.isEmpty()) {
            return List.of();
        }
        UUID[] ids = loans.stream().map(LoanRow::id).toArray(UUID[]::new);
        Integer[] versions = loans.stream().map(l -> scheduleVersions.getOrDefault(l.id(), l.scheduleVersion()))
                .toArray(Integer[]::new);
        Map<UUID, List<Installment>> rows = new HashMap<>();
        Map<UUID, LoanRow> byId = new HashMap<>();
        loans.forEach(l -> byId.put(l.id(), l));
        template.execute((ConnectionCallback<Void>) c -> {
            Array idArray = c.createArrayOf("uuid", ids);
            Array versionArray = c.createArrayOf("int4", versions);
            jdbc.sql("""
                    select r.loan_id, r.n, r.period_start, r.due_date, r.principal, r.interest, r.total, r.balance_after
                    from servicing_schedule_row r
                    join unnest(?, ?) as k(loan_id, version) on k.loan_id = r.loan_id and k.version = r.version
                    order by r.loan_id, r.n
                    """).params(idArray, versionArray).query(rs -> {
                        UUID id = rs.getObject(1, UUID.class);
                        int d = byId.get(id).digits();
                        rows.computeIfAbsent(id, k -> new ArrayList<>()).add(new Installment(rs.getInt(2),
                                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), BigDecimal.ZERO,
                                s(rs.getBigDecimal(6), d), s(rs.getBigDecimal(5), d), s(rs.getBigDecimal(6), d),
                                s(rs.getBigDecimal(7), d), s(rs.getBigDecimal(8), d)));
                    });
            return null;
        });
        Map<UUID, List<Repayment>> repayments = new HashMap<>();
        Map<UUID, List<Repayment>> refunds = new HashMap<>();
        template.execute((ConnectionCallback<Void>) c -> {
            Array idArray = c.createArrayOf("uuid", ids);
            jdbc.sql("select t.loan_id, t.kind, t.business_date, " + LoanRepository.MOVED
                    + " from servicing_transaction t where t.loan_id = any(?) and " + LoanRepository.MOVEMENT + """
                      and not exists (select 1 from servicing_transaction r where r.reverses_id = t.id
                                      and (cast(? as date) is null or r.business_date <= ?))
                    order by t.loan_id, t.business_date, t.seq
                    """).params(idArray, reversedBy, reversedBy).query(rs -> {
                        Repayment r = new Repayment(rs.getObject(3, LocalDate.class), rs.getBigDecimal(4));
                        (("REFUND".equals(rs.getString(2))) ? refunds : repayments)
                                .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(r);
                    });
            return null;
        });
        List<Loaded> loaded = new ArrayList<>(loans.size());
        for (LoanRow loan : loans) {
            loaded.add(new Loaded(loan, LoanRepository.schedule(loan.terms(), rows.getOrDefault(loan.id(), List.of())),
                    new LoanRepository.Movements(repayments.getOrDefault(loan.id(), List.of()), List.of(),
                            refunds.getOrDefault(loan.id(), List.of()))));
        }
        return loaded;
    }

    private static BigDecimal s(BigDecimal v, int digits) {
        return v.setScale(digits, RoundingMode.UNNECESSARY);
    }
}
