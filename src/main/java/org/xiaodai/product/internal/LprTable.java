package org.xiaodai.product.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.product.domain.ProductRules;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The LPR table (贷款市场报价利率): region-wide reference data. Everybody reads it; the database lets
 * only region-wide transactions add to it (the platform operator, who enters each publication of
 * the National Interbank Funding Center), and nobody change a row.
 */
@Service
public class LprTable {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    LprTable(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One publication.
     *
     * @param effectiveDate the date it applies from
     * @param oneYearPercent the 1-year LPR in percent
     * @param fiveYearPercent the 5-year-plus LPR in percent, or null
     */
    public record Lpr(LocalDate effectiveDate, BigDecimal oneYearPercent, BigDecimal fiveYearPercent) {
    }

    /**
     * The published 1-year and 5-year LPR since the reform of 2019-08-20, changes only (National
     * Interbank Funding Center): public reference data every deployment needs.
     */
    static final List<Lpr> PUBLISHED = List.of(
            lpr("2019-08-20", "4.25", "4.85"), lpr("2019-09-20", "4.20", "4.85"), lpr("2019-11-20", "4.15", "4.80"),
            lpr("2020-02-20", "4.05", "4.75"), lpr("2020-04-20", "3.85", "4.65"), lpr("2021-12-20", "3.80", "4.65"),
            lpr("2022-01-20", "3.70", "4.60"), lpr("2022-05-20", "3.70", "4.45"), lpr("2022-08-22", "3.65", "4.30"),
            lpr("2023-06-20", "3.55", "4.20"), lpr("2023-08-21", "3.45", "4.20"), lpr("2024-02-20", "3.45", "3.95"),
            lpr("2024-07-22", "3.35", "3.85"), lpr("2024-10-21", "3.10", "3.60"), lpr("2025-05-20", "3.00", "3.50"));

    private static Lpr lpr(String date, String oneYear, String fiveYear) {
        return new Lpr(LocalDate.parse(date), new BigDecimal(oneYear), new BigDecimal(fiveYear));
    }

    /**
     * Writes the {@link #PUBLISHED} history where it is missing (region-wide transactions only);
     * idempotent, also when two callers run it at once. Audited when it writes anything.
     */
    @Transactional
    public void ensurePublishedHistory() {
        int added = 0;
        for (Lpr lpr : PUBLISHED) {
            added += jdbc.sql("""
                    insert into product_lpr (effective_date, one_year_percent, five_year_percent, created_at)
                    values (?, ?, ?, ?) on conflict (effective_date) do nothing""")
                    .params(Date.valueOf(lpr.effectiveDate()), lpr.oneYearPercent(), lpr.fiveYearPercent(),
                            Timestamp.from(clock.instant())).update();
        }
        if (added > 0) {
            audit.record(AuditRecord.created("product.lpr.history-written", "lpr", "published", null,
                    java.util.Map.of("rows", added)));
        }
    }

    /** Every publication, newest first. */
    @Transactional(readOnly = true)
    public List<Lpr> all() {
        return jdbc.sql("select * from product_lpr order by effective_date desc").query(LprTable::row).list();
    }

    /** The publication in force on {@code date}: the newest on or before it. */
    @Transactional(readOnly = true)
    public Optional<Lpr> on(LocalDate date) {
        return jdbc.sql("select * from product_lpr where effective_date <= ? order by effective_date desc limit 1")
                .param(Date.valueOf(date)).query(LprTable::row).optional();
    }

    /** Adds a publication (platform operator only: the database refuses it from an institution's transaction). */
    @Transactional
    public Lpr add(CurrentUser caller, Lpr lpr) {
        if (!caller.seesAllInstitutions()) {
            throw ProblemException.forbidden("forbidden");
        }
        check(lpr);
        int added = jdbc.sql("""
                insert into product_lpr (effective_date, one_year_percent, five_year_percent, created_at, created_by)
                values (?, ?, ?, ?, ?) on conflict (effective_date) do nothing""")
                .params(Date.valueOf(lpr.effectiveDate()), lpr.oneYearPercent(), lpr.fiveYearPercent(),
                        Timestamp.from(clock.instant()), caller.userId()).update();
        if (added == 0) {
            throw ProblemException.invalid("effectiveDate", "duplicate");
        }
        audit.record(AuditRecord.created("product.lpr.published", "lpr", lpr.effectiveDate(), null, lpr));
        return lpr;
    }

    private static void check(Lpr lpr) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        percent(problems, "oneYearPercent", lpr.oneYearPercent());
        if (lpr.fiveYearPercent() != null) {
            percent(problems, "fiveYearPercent", lpr.fiveYearPercent());
        }
        if (lpr.effectiveDate().getYear() < 2013 || lpr.effectiveDate().getYear() > 2100) {
            problems.add(ProductRules.ownProblem("effectiveDate", "lprDateRange"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    private static void percent(List<FieldProblem> problems, String field, BigDecimal value) {
        if (value.signum() <= 0) {
            problems.add(FieldProblem.of(field, "positive"));
        } else if (value.compareTo(BigDecimal.valueOf(100)) >= 0) {
            problems.add(FieldProblem.of(field, "max"));
        } else if (value.stripTrailingZeros().scale() > 4) {
            problems.add(ProductRules.ownProblem(field, "percentScale"));
        }
    }

    private static Lpr row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Lpr(rs.getDate("effective_date").toLocalDate(), percent(rs.getBigDecimal("one_year_percent")),
                Optional.ofNullable(rs.getBigDecimal("five_year_percent")).map(LprTable::percent).orElse(null));
    }

    /** At least two decimals, as the LPR is published (3.00), more only where a row has them. */
    public static BigDecimal percent(BigDecimal value) {
        return value.setScale(Math.max(2, value.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY);
    }
}
