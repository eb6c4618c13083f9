package org.xiaodai.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.InstitutionDirectory;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The dashboards' data, for one institution or for the region, each chart one or two aggregate
 * queries on the analytics connection ({@link AnalyticsReads}). An institution's charts answer 404
 * for an institution outside the caller's tenant wall; loan-level charts also apply the caller's data
 * scope (branch, own records). "On the books": loans active or overdue, disbursed.
 */
@Service
public class Charts {

    /** The charts of a dashboard, in the order the pages show them. */
    public static final List<String> CHARTS = List.of("trends", "distribution", "vintage", "roll-rates", "exposures");
    /** What a distribution may be by. */
    public static final Set<String> DIMENSIONS = Set.of("region", "industry", "product", "grade");
    static final int TREND_DAYS = 90;
    static final int VINTAGE_MONTHS = 18;
    static final int ROLL_DAYS = 30;

    private static final String ON_BOOKS = "l.status in ('ACTIVE', 'OVERDUE') and l.disbursement_date is not null";
    private static final String DPD = "case when l.oldest_unpaid_due is not null and l.oldest_unpaid_due < :asOf "
            + "then :asOf - l.oldest_unpaid_due else 0 end";

    private final AnalyticsReads reads;
    private final InstitutionDirectory directory;
    private final Clock clock;

    Charts(AnalyticsReads reads, InstitutionDirectory directory, Clock clock) {
        this.reads = reads;
        this.directory = directory;
        this.clock = clock;
    }

    /** Where a chart looks: one institution (the caller's tenant wall permitting) or the region (null). */
    public record Scope(@Nullable UUID institutionId, DataScope dataScope) {

        /** The data scope over loans named {@code alias} (branch path and officer). */
        public DataScope.Predicate visible(String alias) {
            return dataScope.predicate(alias, "branch_path", "officer_id");
        }

        DataScope.Predicate visible() {
            return visible("l");
        }
    }

    /** The scope of an institution's dashboard: 404 when the institution is outside the caller's tenant wall. */
    public Scope institution(CurrentUser caller, UUID institutionId) {
        boolean visible = directory.lender(institutionId).isPresent();
        if (!visible) {
            throw ProblemException.notFound("institution");
        }
        return new Scope(institutionId, caller.scope());
    }

    /** The region's scope (every institution the caller's tenant wall shows). */
    public Scope region(CurrentUser caller) {
        return new Scope(null, caller.scope());
    }

    /** One chart by name; {@code by} for the distribution (default grade). 404 for an unknown chart. */
    public ChartData chart(Scope scope, String chart, @Nullable String by) {
        return switch (chart) {
            case "trends" -> trends(scope);
            case "distribution" -> distribution(scope, by == null || by.isBlank() ? "grade" : by);
            case "vintage" -> vintage(scope);
            case "roll-rates" -> rollRates(scope);
            case "exposures" -> exposures(scope);
            case "institutions" -> institutions(scope);
            default -> throw ProblemException.notFound("chart");
        };
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    private static String loansWhere(Scope scope) {
        return ON_BOOKS + " and " + scope.visible().sql() + (scope.institutionId() == null ? "" : " and l.institution_id = :institution");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Scope scope) {
        JdbcClient.StatementSpec s = spec.params(scope.visible().parameters());
        return scope.institutionId() == null ? s : s.param("institution", scope.institutionId());
    }

    /** Balance, count, overdue and NPL ratios per business date from the daily indicator history. */
    ChartData trends(Scope scope) {
        String sql = """
                select as_of,
                       sum(value) filter (where indicator = 'loan-balance') as balance,
                       sum(value) filter (where indicator = 'loan-count') as loans,
                       sum(numerator) filter (where indicator = 'overdue-rate' and denominator is not null)
                           / nullif(sum(denominator) filter (where indicator = 'overdue-rate'), 0) as overdue_rate,
                       sum(numerator) filter (where indicator = 'npl-ratio' and denominator is not null)
                           / nullif(sum(denominator) filter (where indicator = 'npl-ratio'), 0) as npl_ratio
                from supervision_indicator where as_of >= :since %s
                group by as_of order by as_of""".formatted(scope.institutionId() == null ? "" : "and institution_id = :institution");
        List<List<Object>> rows = reads.read(jdbc -> {
            JdbcClient.StatementSpec spec = jdbc.sql(sql).param("since", Date.valueOf(today().minusDays(TREND_DAYS)));
            if (scope.institutionId() != null) {
                spec = spec.param("institution", scope.institutionId());
            }
            return spec.query((rs, n) -> java.util.Arrays.<Object>asList(rs.getObject("as_of", LocalDate.class).toString(),
                    money(rs.getBigDecimal("balance")), whole(rs.getBigDecimal("loans")), ratio(rs.getBigDecimal("overdue_rate")),
                    ratio(rs.getBigDecimal("npl_ratio")))).list();
        });
        return new ChartData("trends", List.of("date", "balance", "loans", "overdueRate", "nplRatio"), rows);
    }

    /** Loans on the books and their principal outstanding by region (city), industry, product or grade. */
    ChartData distribution(Scope scope, String by) {
        String key = switch (by) {
            case "region" -> "coalesce(substr(c.region_code, 1, 4) || '00', '-')";
            case "industry" -> "coalesce(c.industry_code, '-')";
            case "product" -> "coalesce(p.code, '-')";
            case "grade" -> "l.grade";
            default -> throw ProblemException.invalid("by", "oneOf", String.join(", ", List.of("region", "industry", "product", "grade")));
        };
        String sql = """
                select %s as k, count(*) as loans, sum(l.principal_outstanding) as balance
                from servicing_loan l left join customer c on c.id = l.customer_id left join product p on p.id = l.product_id
                where %s group by 1 order by balance desc, k""".formatted(key, loansWhere(scope));
        List<List<Object>> rows = reads.read(jdbc -> bind(jdbc.sql(sql), scope)
                .query((rs, n) -> java.util.Arrays.<Object>asList(rs.getString("k"), rs.getLong("loans"), money(rs.getBigDecimal("balance"))))
                .list());
        return new ChartData("distribution", List.of(by, "loans", "balance"), rows);
    }

    /**
     * Vintage curves: for each disbursement month of the last {@value #VINTAGE_MONTHS}, the share of its
     * principal that had reached 30 days past due (or was written off) by each month on book. A loan
     * counts from the 30th day of its current delinquency (the book keeps no earlier episodes).
     */
    ChartData vintage(Scope scope) {
        String sql = """
                with loans as (
                    select date_trunc('month', l.disbursement_date)::date as cohort, l.principal as p,
                           case when l.status = 'WRITTEN_OFF' then l.written_off_on
                                when l.status in ('ACTIVE', 'OVERDUE') and l.oldest_unpaid_due is not null
                                     and l.oldest_unpaid_due + 30 <= :asOf then l.oldest_unpaid_due + 30 end as bad_on
                    from servicing_loan l
                    where l.disbursement_date is not null and l.disbursement_date >= :since and %s %s),
                cohorts as (select cohort, sum(p) as total from loans group by cohort),
                mobs as (select c.cohort, c.total, m from cohorts c, generate_series(1, 24) m
                         where (c.cohort + make_interval(months => m - 1))::date <= :asOf)
                select m.cohort, m.m as mob,
                       coalesce(sum(l.p) filter (where l.bad_on < (m.cohort + make_interval(months => m.m))::date), 0) / m.total as rate
                from mobs m left join loans l on l.cohort = m.cohort
                group by m.cohort, m.m, m.total order by m.cohort, m.m""".formatted(scope.visible().sql(),
                scope.institutionId() == null ? "" : "and l.institution_id = :institution");
        LocalDate asOf = today();
        List<List<Object>> rows = reads.read(jdbc -> bind(jdbc.sql(sql), scope).param("asOf", Date.valueOf(asOf))
                .param("since", Date.valueOf(asOf.withDayOfMonth(1).minusMonths(VINTAGE_MONTHS - 1L)))
                .query((rs, n) -> java.util.Arrays.<Object>asList(rs.getObject("cohort", LocalDate.class).toString().substring(0, 7),
                        rs.getInt("mob"), ratio(rs.getBigDecimal("rate")))).list());
        return new ChartData("vintage", List.of("cohort", "monthsOnBook", "dpd30Rate"), rows);
    }

    /**
     * Grade migration (迁徙率) over the last {@value #ROLL_DAYS} days: of the loans on the books then, by
     * their grade then, how many are in each grade now (or paid off, written off) and the share.
     */
    ChartData rollRates(Scope scope) {
        String sql = """
                with then_and_now as (
                    select coalesce((select g.to_grade from servicing_grade_change g where g.loan_id = l.id and g.changed_on <= :then
                                     order by g.changed_on desc, g.created_at desc limit 1),
                                    (select g.from_grade from servicing_grade_change g where g.loan_id = l.id and g.changed_on > :then
                                     order by g.changed_on, g.created_at limit 1), l.grade) as from_grade,
                           case l.status when 'PAID_OFF' then 'PAID_OFF' when 'WRITTEN_OFF' then 'WRITTEN_OFF' else l.grade end as to_grade
                    from servicing_loan l
                    where l.disbursement_date is not null and l.disbursement_date <= :then
                      and (l.paid_off_on is null or l.paid_off_on > :then) and (l.written_off_on is null or l.written_off_on > :then)
                      and %s %s)
                select from_grade, to_grade, count(*) as loans,
                       count(*)::numeric / sum(count(*)) over (partition by from_grade) as rate
                from then_and_now group by from_grade, to_grade
                order by array_position(array['NORMAL','SPECIAL_MENTION','SUBSTANDARD','DOUBTFUL','LOSS'], from_grade),
                         array_position(array['NORMAL','SPECIAL_MENTION','SUBSTANDARD','DOUBTFUL','LOSS','PAID_OFF','WRITTEN_OFF'], to_grade)
                """.formatted(scope.visible().sql(), scope.institutionId() == null ? "" : "and l.institution_id = :institution");
        List<List<Object>> rows = reads.read(jdbc -> bind(jdbc.sql(sql), scope)
                .param("then", Date.valueOf(today().minusDays(ROLL_DAYS)))
                .query((rs, n) -> java.util.Arrays.<Object>asList(rs.getString("from_grade"), rs.getString("to_grade"), rs.getLong("loans"),
                        ratio(rs.getBigDecimal("rate")))).list());
        return new ChartData("roll-rates", List.of("fromGrade", "toGrade", "loans", "rate"), rows);
    }

    /** The ten borrowers with the largest principal outstanding on the books. */
    ChartData exposures(Scope scope) {
        String sql = """
                select o.code as institution, c.name as borrower, count(*) as loans, sum(l.principal_outstanding) as balance
                from servicing_loan l join customer c on c.id = l.customer_id join iam_organisation o on o.id = l.institution_id
                where %s group by o.code, l.customer_id, c.name order by balance desc, o.code, c.name limit 10"""
                .formatted(loansWhere(scope));
        List<List<Object>> rows = reads.read(jdbc -> bind(jdbc.sql(sql), scope)
                .query((rs, n) -> java.util.Arrays.<Object>asList(rs.getString("institution"), rs.getString("borrower"), rs.getLong("loans"),
                        money(rs.getBigDecimal("balance")))).list());
        return new ChartData("exposures", List.of("institution", "borrower", "loans", "balance"), rows);
    }

    /** Per institution: loans on the books, balance, overdue and non-performing shares (the region's drill-down). */
    ChartData institutions(Scope scope) {
        String sql = """
                select o.id, o.code, count(l.id) as loans, coalesce(sum(l.principal_outstanding), 0) as balance,
                       coalesce(sum(l.principal_outstanding) filter (where %s > 0), 0) as overdue,
                       coalesce(sum(l.principal_outstanding) filter (where l.grade in ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')), 0) as npl
                from servicing_loan l join iam_organisation o on o.id = l.institution_id
                where %s group by o.id, o.code order by o.code""".formatted(DPD, loansWhere(scope));
        List<List<Object>> rows = reads.read(jdbc -> bind(jdbc.sql(sql), scope).param("asOf", Date.valueOf(today()))
                .query((rs, n) -> {
                    BigDecimal balance = rs.getBigDecimal("balance");
                    return java.util.Arrays.<Object>asList(rs.getObject("id", UUID.class).toString(), rs.getString("code"), rs.getLong("loans"),
                            money(balance), share(rs.getBigDecimal("overdue"), balance), share(rs.getBigDecimal("npl"), balance));
                }).list());
        return new ChartData("institutions", List.of("id", "institution", "loans", "balance", "overdueShare", "nplShare"), rows);
    }

    private static @Nullable BigDecimal money(@Nullable BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    private static @Nullable Long whole(@Nullable BigDecimal v) {
        return v == null ? null : v.longValue();
    }

    private static @Nullable BigDecimal ratio(@Nullable BigDecimal v) {
        return v == null ? null : v.setScale(6, RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? null : part.divide(whole, 6, RoundingMode.HALF_UP);
    }

}
