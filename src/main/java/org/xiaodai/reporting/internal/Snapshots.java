package org.xiaodai.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiaodai.ledger.Ledger;
import org.xiaodai.product.ProductVersion;
import org.xiaodai.product.Products;
import org.xiaodai.supervision.Institutions;

/**
 * Month-end collection into a return's immutable snapshot, set-based: one {@code INSERT … SELECT}
 * of the loan-level detail from servicing's {@code servicing_month_end_positions}, then the
 * statistical lines aggregated from the detail with grouping sets (grade, product, status, term, rate
 * band, days past due, and by the borrower's region, industry section and type from customer's
 * published read {@code customer_reporting_segments()}, and by security type from origination's published read
 * {@code origination_loan_security(asOf)}, the security in force at the month end, and the product's declared type),
 * the ten largest borrowers, funding by source from the supervision registry, and loan-loss provisions by grade from
 * the ledger.
 *
 * <p>Security type (担保方式, DOMAIN.md §2): a loan with collateral on its contract is {@code MORTGAGE} or
 * {@code PLEDGE} — the form its product declares, or, for a product declared otherwise, {@code PLEDGE} when
 * every item is a right (deposit certificate, receivables) and {@code MORTGAGE} otherwise; with guarantors and
 * no collateral {@code GUARANTEED}; with neither {@code CREDIT}. A loan that did not come through origination
 * takes its product's declared type ({@code UNKNOWN} when the product is not in the catalogue).
 *
 * <p>Codes (PBOC second-generation monthly segment; DOMAIN.md §6): report time 10 new account, 20
 * closed, 30 guarantee change (the loan's security changed in the month: origination's published read
 * {@code origination_security_changes(from, to)}, its ids handed in as one array), 40 grade change, 49 month-end
 * settlement otherwise, the first that applies in that order; account status 1 normal, 2 overdue, 3 closed, 4 written off
 * (呆账); five-level grade 1 正常 … 5 损失; repayment status N on time, 1–7 overdue periods (7 = seven
 * or more), C paid off, G written off, * nothing due or paid in the month.
 */
@Component
class Snapshots {

    static final String DETAIL = """
            insert into reporting_loan_detail (return_id, row_no, institution_id, loan_id, contract_number, customer_id,
                product_id, currency, principal, annual_rate_percent, disbursement_date, maturity_date, settlement_date,
                report_code, account_status, balance, remaining_periods, grade_code, grade_changed_on, repayment_status,
                days_past_due, overdue_periods, overdue_total, overdue_principal, overdue_31_60, overdue_61_90,
                overdue_91_180, overdue_180_plus, amount_due, amount_paid, last_payment_on, closed_on)
            select :returnId, (row_number() over (order by p.disbursement_date, p.loan_id))::int, p.institution_id,
                   p.loan_id, p.contract_number, p.customer_id, p.product_id, p.currency, p.principal,
                   p.annual_rate_percent, p.disbursement_date, p.maturity_date, :asOf,
                   case when p.closed_on is not null then '20' when p.disbursement_date >= :start then '10'
                        when p.loan_id = any(cast(:securityChanged as uuid[])) then '30'
                        when p.grade_changed_on >= :start then '40' else '49' end,
                   case p.status when 'ACTIVE' then '1' when 'OVERDUE' then '2' when 'PAID_OFF' then '3' else '4' end,
                   p.principal_outstanding, p.remaining_periods,
                   case p.grade when 'NORMAL' then '1' when 'SPECIAL_MENTION' then '2' when 'SUBSTANDARD' then '3'
                        when 'DOUBTFUL' then '4' when 'LOSS' then '5' else '?' end,
                   p.grade_changed_on,
                   case when p.status = 'PAID_OFF' then 'C' when p.status = 'WRITTEN_OFF' then 'G'
                        when p.overdue_periods > 0 then least(p.overdue_periods, 7)::text
                        when p.amount_due = 0 and p.amount_paid = 0 then '*' else 'N' end,
                   p.days_past_due, p.overdue_periods,
                   p.overdue_principal + p.overdue_interest + p.penalty_outstanding, p.overdue_principal,
                   p.overdue_31_60, p.overdue_61_90, p.overdue_91_180, p.overdue_180_plus, p.amount_due, p.amount_paid,
                   p.last_payment_on, p.closed_on
              from servicing_month_end_positions(:start, :asOf) p
             where p.institution_id = :institution
            """;

    /**
     * The statistical lines in two steps: the detail summed once per combination of the eleven dimensions' keys (one
     * hash table, seven sums per row), then the grouping sets over those few combinations. Summing every row into each
     * of the eleven grouping sets directly cost seven {@code numeric} additions per set and row; the sums are exact, so
     * the lines are the same to the cent.
     */
    static final String LINES = """
            insert into reporting_return_line (return_id, institution_id, dimension, key, loans, balance,
                overdue_principal, npl_balance, new_loans, new_amount, repaid)
            select :returnId, :institution,
                   case when grouping(d.grade_code) = 0 then 'GRADE' when grouping(d.product) = 0 then 'PRODUCT'
                        when grouping(d.account_status) = 0 then 'STATUS' when grouping(d.term) = 0 then 'TERM'
                        when grouping(d.rate) = 0 then 'RATE' when grouping(d.dpd) = 0 then 'DPD'
                        when grouping(d.region) = 0 then 'REGION' when grouping(d.industry) = 0 then 'INDUSTRY'
                        when grouping(d.borrower_type) = 0 then 'BORROWER_TYPE'
                        when grouping(d.security) = 0 then 'SECURITY' else 'TOTAL' end,
                   coalesce(d.grade_code, d.product, d.account_status, d.term, d.rate, d.dpd, d.region, d.industry,
                            d.borrower_type, d.security, 'ALL'),
                   coalesce(sum(d.loans), 0), coalesce(sum(d.balance), 0), coalesce(sum(d.overdue_principal), 0),
                   coalesce(sum(d.npl_balance), 0), coalesce(sum(d.new_loans), 0), coalesce(sum(d.new_amount), 0),
                   coalesce(sum(d.repaid), 0)
              from (select d.grade_code, d.product, d.account_status, d.term, d.rate, d.dpd, d.region, d.industry,
                           d.borrower_type, d.security, count(*) as loans, sum(d.balance) as balance,
                           sum(d.overdue_principal) as overdue_principal,
                           sum(d.balance) filter (where d.grade_code in ('3', '4', '5')) as npl_balance,
                           count(*) filter (where d.disbursement_date >= :start) as new_loans,
                           sum(d.principal) filter (where d.disbursement_date >= :start) as new_amount,
                           sum(d.amount_paid) as repaid
              from (select r.*, r.product_id::text as product,
                           case when r.maturity_date is null then 'UNKNOWN'
                                when r.maturity_date <= r.disbursement_date + interval '6 months' then 'UP_TO_6M'
                                when r.maturity_date <= r.disbursement_date + interval '12 months' then 'UP_TO_12M'
                                when r.maturity_date <= r.disbursement_date + interval '36 months' then 'UP_TO_36M'
                                else 'OVER_36M' end as term,
                           case when r.annual_rate_percent < 10 then 'BELOW_10' when r.annual_rate_percent < 15 then '10_TO_15'
                                when r.annual_rate_percent < 24 then '15_TO_24' else 'FROM_24' end as rate,
                           case when r.days_past_due = 0 then '0' when r.days_past_due <= 30 then '1_30'
                                when r.days_past_due <= 90 then '31_90' when r.days_past_due <= 180 then '91_180'
                                else 'OVER_180' end as dpd,
                           coalesce(c.region_code, 'UNKNOWN') as region,
                           coalesce(left(c.industry_code, 1), 'UNKNOWN') as industry,
                           coalesce(c.kind, 'UNKNOWN') as borrower_type,
                           case when o.loan_id is null then coalesce(ps.security, 'UNKNOWN')
                                when o.collateral > 0 then
                                     case when ps.security in ('MORTGAGE', 'PLEDGE') then ps.security
                                          when o.rights = o.collateral then 'PLEDGE' else 'MORTGAGE' end
                                when o.guarantors > 0 then 'GUARANTEED' else 'CREDIT' end as security
                      from detail r
                      left join customer_reporting_segments() c on c.customer_id = r.customer_id
                      left join origination_loan_security(cast(:asOf as date)) o on o.loan_id = r.loan_id
                      left join unnest(cast(:productIds as uuid[]), cast(:productSecurity as text[])) ps(product_id, security)
                             on ps.product_id = r.product_id) d
             group by d.grade_code, d.product, d.account_status, d.term, d.rate, d.dpd, d.region, d.industry,
                      d.borrower_type, d.security) d
             group by grouping sets ((), (d.grade_code), (d.product), (d.account_status), (d.term), (d.rate), (d.dpd),
                                     (d.region), (d.industry), (d.borrower_type), (d.security))
            """;

    /**
     * The ten largest borrowers by balance, exact to the cent without the exact sums of every borrower: a first
     * aggregate ranks the borrowers by their balance summed as {@code float8} (pass-by-value states; the seven
     * {@code numeric} sums of a million borrowers spilled to disk) together with a bound on that sum's rounding error
     * ({@code 1e-9} × the sum of the terms' magnitudes, far above the 2⁻⁵³ per term and addition of the conversion and
     * the additions, plus a cent); every borrower whose float sum plus its bound reaches the lowest float sum minus its
     * bound among the float-ranked first ten can be among the exact ten, and only those borrowers' rows are summed in
     * {@code numeric} and ranked exactly (balance descending, then customer id). Same ten lines as ranking every
     * borrower exactly, ties included.
     */
    static final String TOP_BORROWERS = """
            insert into reporting_return_line (return_id, institution_id, dimension, key, loans, balance,
                overdue_principal, npl_balance, new_loans, new_amount, repaid)
            with ranked as (
                select customer_id, sum(balance::float8) as approx,
                       sum(abs(balance)::float8) * 1e-9 + 0.01 as error
                  from detail group by customer_id
            ), cut as (
                select min(t.approx - t.error) as low from (select approx, error from ranked order by approx desc limit 10) t
            )
            select :returnId, :institution, 'TOP_BORROWER', customer_id::text, count(*), sum(balance), sum(overdue_principal),
                   coalesce(sum(balance) filter (where grade_code in ('3', '4', '5')), 0),
                   count(*) filter (where disbursement_date >= :start),
                   coalesce(sum(principal) filter (where disbursement_date >= :start), 0), sum(amount_paid)
              from detail
             where customer_id in (select k.customer_id from ranked k, cut where k.approx + k.error >= cut.low)
             group by customer_id order by sum(balance) desc, customer_id limit 10
            """;

    /**
     * The collection in one statement: the detail's {@code INSERT … SELECT} hands its rows ({@code RETURNING}) to the
     * statistical lines, the largest borrowers and the data-quality row rules ({@link QualityRules#rowRuleSteps}), so
     * the detail is neither read back nor scanned four times, and the
     * lines are planned on the detail's estimated size (a fresh return's rows have no statistics: read back from the
     * table, the planner expected a handful and joined the borrowers' segments by nested loops). Answers the loans.
     */
    static final String COLLECT = "with detail as (" + DETAIL + "    returning *\n), lines as (" + LINES
            + "), top_borrowers as (" + TOP_BORROWERS + "), "
            + QualityRules.rowRuleSteps("detail", "(select count(*)::int from detail)")
            + "\nselect count(*)::int from detail";

    /** Grade names of the ledger's provision rates by the return's grade codes. */
    static final Map<String, String> GRADE_NAMES = Map.of("1", "NORMAL", "2", "SPECIAL_MENTION", "3", "SUBSTANDARD",
            "4", "DOUBTFUL", "5", "LOSS");

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final Products products;
    private final Ledger ledger;

    Snapshots(JdbcClient jdbc, Institutions institutions, Products products, Ledger ledger) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.products = products;
        this.ledger = ledger;
    }

    static String productIds(List<ProductVersion> catalogue) {
        return array(catalogue.stream().map(v -> v.productId().toString()).toList());
    }

    static String productSecurity(List<ProductVersion> catalogue) {
        return array(catalogue.stream().map(v -> v.definition().securityType().name()).toList());
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> '"' + v + '"').collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * Loan-loss provisions (贷款损失准备, DOMAIN.md §6 and §10): one {@code PROVISION} line per grade, the amount
     * in {@code balance}, adding up to the ledger's provision account at the settlement date to the cent. The
     * ledger holds one provision per institution (end of day posts the change of Σ principal × the grade's rate);
     * it is spread over the grades in proportion to that requirement on the snapshot's grade balances (largest
     * remainder, so the cents add up). A provision without loans to carry it is {@code UNALLOCATED}.
     */
    void provisions(UUID returnId, UUID institutionId, LocalDate asOf) {
        Ledger.Provisioning provisioning = ledger.provisioning(institutionId, asOf);
        Map<String, BigDecimal> weights = new TreeMap<>();
        Map<String, Integer> loans = new TreeMap<>();
        jdbc.sql("select key, loans, balance from reporting_return_line where return_id = ? and dimension = 'GRADE'")
                .param(returnId).query(rs -> {
                    String grade = rs.getString(1);
                    BigDecimal rate = provisioning.rates().getOrDefault(GRADE_NAMES.getOrDefault(grade, grade), BigDecimal.ZERO);
                    weights.put(grade, rs.getBigDecimal(3).multiply(rate));
                    loans.put(grade, rs.getInt(2));
                });
        Map<String, BigDecimal> shares = allocate(provisioning.held(), weights);
        for (Map.Entry<String, BigDecimal> share : shares.entrySet()) {
            jdbc.sql("""
                    insert into reporting_return_line (return_id, institution_id, dimension, key, loans, balance,
                        overdue_principal, npl_balance, new_loans, new_amount, repaid)
                    values (?, ?, 'PROVISION', ?, ?, ?, 0, 0, 0, 0, 0)""")
                    .params(returnId, institutionId, share.getKey(), loans.getOrDefault(share.getKey(), 0), share.getValue())
                    .update();
        }
    }

    /**
     * Spreads {@code total} (cents) over the keys in proportion to their weights: each key gets its share rounded
     * down to the cent, the cents left go one each to the largest remainders (ties by key). The shares add up to
     * {@code total} exactly. No positive weight: all of it under {@code UNALLOCATED} (nothing when zero).
     */
    static Map<String, BigDecimal> allocate(BigDecimal total, Map<String, BigDecimal> weights) {
        Map<String, BigDecimal> shares = new TreeMap<>();
        BigDecimal sum = weights.values().stream().filter(w -> w.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cents = total.setScale(2, RoundingMode.HALF_UP);
        if (sum.signum() == 0) {
            if (cents.signum() != 0) {
                shares.put("UNALLOCATED", cents);
            }
            weights.keySet().forEach(k -> shares.putIfAbsent(k, BigDecimal.ZERO.setScale(2)));
            return shares;
        }
        Map<String, BigDecimal> remainders = new TreeMap<>();
        BigDecimal given = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
            BigDecimal exact = w.getValue().signum() > 0
                    ? cents.multiply(w.getValue()).divide(sum, 12, RoundingMode.HALF_EVEN) : BigDecimal.ZERO;
            BigDecimal floor = exact.setScale(2, cents.signum() >= 0 ? RoundingMode.FLOOR : RoundingMode.CEILING);
            shares.put(w.getKey(), floor);
            remainders.put(w.getKey(), exact.subtract(floor).abs());
            given = given.add(floor);
        }
        BigDecimal cent = new BigDecimal(cents.signum() >= 0 ? "0.01" : "-0.01");
        long left = cents.subtract(given).abs().movePointRight(2).longValueExact();
        List<String> order = remainders.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        for (int i = 0; i < left; i++) {
            String key = order.get(i % order.size());
            shares.put(key, shares.get(key).add(cent));
        }
        return shares;
    }

    /** The detail's total balance, from the statistical return's TOTAL line (no second scan of the detail). */
    java.math.BigDecimal totalBalance(UUID returnId) {
        return jdbc.sql("select balance from reporting_return_line where return_id = ? and dimension = 'TOTAL'")
                .param(returnId).query(java.math.BigDecimal.class).optional().orElse(java.math.BigDecimal.ZERO);
    }

    /**
     * Funding by source (DOMAIN.md §6) from the registry entry in effect on the settlement date: one line per
     * source, the amount in {@code balance}, no loans (an institution without an entry gets none).
     */
    static final String FUNDING = """
            insert into reporting_return_line (return_id, institution_id, dimension, key, loans, balance,
                overdue_principal, npl_balance, new_loans, new_amount, repaid)
            select :returnId, :institution, 'FUNDING', f.key, 0, f.amount, 0, 0, 0, 0, 0
              from (values ('BANK_LOANS', cast(:bankLoans as numeric)), ('SHAREHOLDER_LOANS', cast(:shareholderLoans as numeric)),
                           ('BONDS', cast(:bonds as numeric)), ('ASSET_BACKED', cast(:assetBacked as numeric))) f(key, amount)
            """;

    /**
     * Collects the loan-level detail and the statistical lines and runs the data-quality row rules
     * ({@code failingIdNumbers}: see {@link QualityRules#failingIdNumbers}); returns the number of loans.
     */
    int collect(UUID returnId, UUID institutionId, LocalDate start, LocalDate asOf, String failingIdNumbers) {
        // each product's declared security type (the form of its collateral, and the type of loans origination does not know)
        List<ProductVersion> catalogue = products.current();
        // the loans whose security changed in the month (report-time code 30): few, so one array parameter
        String securityChanged = jdbc.sql("select coalesce(array_agg(loan_id)::text, '{}') from origination_security_changes(?, ?)")
                .params(start, asOf).query(String.class).single();
        int loans = jdbc.sql(COLLECT).param("returnId", returnId).param("start", start).param("asOf", asOf)
                .param("institution", institutionId)
                .param("productIds", productIds(catalogue)).param("productSecurity", productSecurity(catalogue))
                .param("failingIdNumbers", failingIdNumbers).param("securityChanged", securityChanged)
                .query(Integer.class).single();
        provisions(returnId, institutionId, asOf);
        institutions.licence(institutionId, asOf).ifPresent(l -> jdbc.sql(FUNDING).param("returnId", returnId)
                .param("institution", institutionId).param("bankLoans", l.bankLoans())
                .param("shareholderLoans", l.shareholderLoans()).param("bonds", l.bonds())
                .param("assetBacked", l.assetBacked()).update());
        return loans;
    }
}
