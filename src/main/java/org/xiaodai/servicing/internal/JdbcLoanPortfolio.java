package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.servicing.LoanPortfolio;
import org.xiaodai.shared.time.BusinessDate;

import static java.util.stream.Collectors.joining;

/** {@link LoanPortfolio} as aggregate queries over {@code servicing_loan}. */
@Service
@Transactional(readOnly = true)
class JdbcLoanPortfolio implements LoanPortfolio {

    /** Loans on the books as of :asOf (see the interface). */
    private static final String ON_BOOKS = """
            l.institution_id = :institution and l.status in ('ACTIVE', 'OVERDUE')
            and l.disbursement_date is not null and l.disbursement_date <= :asOf""";

    /** The grade a loan held on :asOf by its grade history (the stored grade when it has none around that date). */
    private static final String GRADE_ON = """
            coalesce((select g.to_grade from servicing_grade_change g where g.loan_id = l.id and g.changed_on <= :asOf
                      order by g.changed_on desc, g.created_at desc limit 1),
                     (select g.from_grade from servicing_grade_change g where g.loan_id = l.id and g.changed_on > :asOf
                      order by g.changed_on, g.created_at limit 1),
                     l.grade)""";

    private final JdbcClient jdbc;
    private final BusinessDate businessDate;

    JdbcLoanPortfolio(JdbcClient jdbc, BusinessDate businessDate) {
        this.jdbc = jdbc;
        this.businessDate = businessDate;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SegmentFigures> bySegment(UUID institutionId, LocalDate asOf) {
        String sql = """
                with book as (
                    select l.principal_outstanding as p, l.oldest_unpaid_due is not null and l.oldest_unpaid_due <= :asOf as overdue,
                           c.region_code as region, left(c.industry_code, 1) as industry
                      from servicing_loan l join customer_reporting_segments() c on c.customer_id = l.customer_id
                     where %s)
                select 'region' as dimension, region as key, sum(p) as principal,
                       coalesce(sum(p) filter (where overdue), 0) as overdue
                  from book where region is not null group by region
                union all
                select 'industry', industry, sum(p), coalesce(sum(p) filter (where overdue), 0)
                  from book where industry is not null group by industry
                 order by 1, 2""".formatted(ON_BOOKS);
        return jdbc.sql(sql).param("institution", institutionId).param("asOf", Date.valueOf(asOf))
                .query((rs, n) -> new SegmentFigures(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
    }

    @Override
    public BookFigures book(UUID institutionId, LocalDate asOf, List<Benchmark> benchmarks) {
        List<Benchmark> sorted = benchmarks.stream().sorted(Comparator.comparing(Benchmark::effectiveFrom)).toList();
        boolean current;
        try {
            current = !asOf.isBefore(businessDate.of(institutionId).minusDays(1));
        } catch (java.util.NoSuchElementException noDateYet) {
            current = true;
        }
        String grade = current ? "l.grade" : GRADE_ON;
        String sql = """
                with caps as (
                    select b.efrom, lead(b.efrom) over (order by b.efrom) as eto, b.pct
                      from unnest(cast(:froms as date[]), cast(:pcts as numeric[])) as b(efrom, pct)
                ), cap_on as (
                    select d::date as day, c.pct
                      from caps c
                     cross join generate_series(c.efrom, coalesce(c.eto - 1, cast(:asOf as date)), interval '1 day') as d
                ), book as (
                    select l.principal_outstanding as p,
                           case when l.oldest_unpaid_due is not null and l.oldest_unpaid_due <= :asOf
                                then :asOf - l.oldest_unpaid_due + 1 else 0 end as dpd,
                           %s as grade,
                           l.annual_rate_percent > coalesce(cap.pct, 1e9) as above
                    from servicing_loan l left join cap_on cap on cap.day = l.disbursement_date
                    where %s)
                select count(*) as loans, coalesce(sum(p), 0) as principal,
                       count(*) filter (where dpd > 0) as overdue_loans,
                       coalesce(sum(p) filter (where dpd > 0), 0) as overdue,
                       coalesce(sum(p) filter (where dpd between 1 and 30), 0) as b1,
                       coalesce(sum(p) filter (where dpd between 31 and 60), 0) as b2,
                       coalesce(sum(p) filter (where dpd between 61 and 90), 0) as b3,
                       coalesce(sum(p) filter (where dpd between 91 and 180), 0) as b4,
                       coalesce(sum(p) filter (where dpd > 180), 0) as b5,
                       coalesce(sum(p) filter (where grade in ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')), 0) as npl,
                       count(*) filter (where above) as above_loans,
                       coalesce(sum(p) filter (where above), 0) as above
                from book""".formatted(grade, ON_BOOKS);
        return jdbc.sql(sql)
                .param("institution", institutionId).param("asOf", Date.valueOf(asOf))
                .param("froms", sorted.stream().map(b -> b.effectiveFrom().toString()).collect(joining(",", "{", "}")))
                .param("pcts", sorted.stream().map(b -> b.percent().toPlainString()).collect(joining(",", "{", "}")))
                .query((rs, n) -> {
                    Map<String, BigDecimal> buckets = new LinkedHashMap<>();
                    buckets.put("1-30", rs.getBigDecimal("b1"));
                    buckets.put("31-60", rs.getBigDecimal("b2"));
                    buckets.put("61-90", rs.getBigDecimal("b3"));
                    buckets.put("91-180", rs.getBigDecimal("b4"));
                    buckets.put("181+", rs.getBigDecimal("b5"));
                    return new BookFigures(asOf, rs.getLong("loans"), rs.getBigDecimal("principal"), rs.getLong("overdue_loans"),
                            rs.getBigDecimal("overdue"), buckets, rs.getBigDecimal("npl"), rs.getLong("above_loans"),
                            rs.getBigDecimal("above"));
                }).single();
    }

    @Override
    public List<BorrowerBalance> largestBorrowers(UUID institutionId, LocalDate asOf, int limit) {
        return jdbc.sql("select l.customer_id, sum(l.principal_outstanding) as p from servicing_loan l where " + ON_BOOKS
                        + " group by l.customer_id having sum(l.principal_outstanding) > 0 order by p desc, l.customer_id limit :limit")
                .param("institution", institutionId).param("asOf", Date.valueOf(asOf)).param("limit", limit)
                .query((rs, n) -> new BorrowerBalance(rs.getObject(1, UUID.class), rs.getBigDecimal(2))).list();
    }

    @Override
    public Map<UUID, BigDecimal> balancesOf(UUID institutionId, LocalDate asOf, Collection<UUID> customerIds) {
        Map<UUID, BigDecimal> balances = new HashMap<>();
        if (customerIds.isEmpty()) {
            return balances;
        }
        jdbc.sql("select l.customer_id, sum(l.principal_outstanding) from servicing_loan l where " + ON_BOOKS
                        + " and l.customer_id in (:customers) group by l.customer_id")
                .param("institution", institutionId).param("asOf", Date.valueOf(asOf))
                .param("customers", List.copyOf(customerIds))
                .query(rs -> {
                    balances.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
                });
        return balances;
    }

    @Override
    public Durations disbursementTimes(UUID institutionId, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*), coalesce(sum(extract(epoch from d.completed_at - coalesce(l.accepted_at, l.created_at)) / 3600), 0)
                from servicing_disbursement d join servicing_loan l on l.id = d.loan_id
                where d.institution_id = ? and d.status = 'SUCCEEDED' and d.completed_at >= ? and d.completed_at < ?""")
                .params(institutionId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Durations(rs.getLong(1), rs.getBigDecimal(2))).single();
    }

}
