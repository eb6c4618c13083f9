package org.xiaodai.bench;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deterministic synthetic loan portfolio for the end-of-day benchmark, written with set-based
 * SQL ({@code generate_series}, one statement per table) as the schema owner: loan {@code i} of
 * {@code n} always gets the same product, amount, rate, term, age and state (PostgreSQL's
 * {@code hashint8} of {@code i} and an attribute number), so two runs measure the same data.
 *
 * <p>The mix: eight products of the four types (个人消费, 个体工商户经营, 农户, 小微企业) and four securities
 * (信用, 保证, 抵押, 质押) with their classification tables, grace days and penalty multipliers; equal
 * installments, equal principal and interest-only-then-bullet; terms of 3 to 36 months; amounts of 1
 * thousand to 2 million; annual rates of 6 % to 23.9 %; due dates spread over the month, so about a
 * thirtieth of the loans fall due on any date; every age from the first month to the last. About
 * 8 % are overdue, spread over the buckets (1–30, 31–90, 91–180, 181–360 and over 360 days past
 * due: 4 %, 2 %, 1 %, 0.6 %, 0.4 %); the rest have paid every installment due before the business
 * date, those without an auto-debit mandate also the one due on it (paid ahead by transfer). About
 * 60 % of current loans and 30 % of overdue ones carry an auto-debit mandate (the simulated bank
 * refuses withholding for ids ending in 0 or 5, which is where overdue loans' ids end).
 *
 * <p>What each loan holds is what servicing derives for it as of the business date: the schedule
 * version and rows (period start, due date, principal, interest, total, balance after: equal
 * installments from the annuity formula rounded to the cent, the last row taking the remainder),
 * one repayment on the first due date paying every installment paid so far (the engine keeps the
 * surplus as credit and applies it as installments fall due, which is the same as paying each on
 * time), status, oldest unpaid due date, next due date, principal outstanding, interest paid and
 * the grade by days past due, the penalty charged by the business date. Not generated:
 * disbursement transactions and vouchers (the general ledger of the benchmark institution starts
 * empty).
 */
final class EodPortfolio {

    private EodPortfolio() {
    }

    /** The products: index, amortization, terms, rates, amounts, classification, grace days, penalty multiplier. */
    private static final String PRODUCTS = """
            (values (0, 'EQUAL_INSTALLMENTS',        array[3, 6, 12, 12, 24], 10.0, 23.9, 3000,    50000,  'CREDIT',     3, 1.5),
                    (1, 'EQUAL_INSTALLMENTS',        array[6, 12, 24],        9.0,  18.0, 10000,   100000, 'GUARANTEED', 3, 1.5),
                    (2, 'EQUAL_PRINCIPAL',           array[6, 12, 12, 24],    8.0,  18.0, 20000,   300000, 'CREDIT',     0, 1.5),
                    (3, 'INTEREST_ONLY_THEN_BULLET', array[12, 24, 36],       6.0,  12.0, 100000,  1000000,'MORTGAGE',   0, 1.3),
                    (4, 'EQUAL_INSTALLMENTS',        array[6, 12, 12],        7.0,  15.0, 5000,    100000, 'GUARANTEED', 5, 1.3),
                    (5, 'EQUAL_INSTALLMENTS',        array[12, 24, 36],       8.0,  20.0, 50000,   1000000,'CREDIT',     0, 1.5),
                    (6, 'INTEREST_ONLY_THEN_BULLET', array[6, 12],            6.0,  12.0, 100000,  2000000,'PLEDGE',     0, 1.3),
                    (7, 'EQUAL_INSTALLMENTS',        array[3, 3, 6],          12.0, 23.9, 1000,    20000,  'CREDIT',     0, 1.5))
              as p(product, amortization, terms, rate_min, rate_max, amount_min, amount_max, classification, grace, multiplier)
            """;

    /**
     * One schedule row's figures for loan plan {@code q} and period {@code k} (r = monthly rate):
     * the balance after periods k - 1 and k, rounded to the cent.
     */
    private static final String BALANCE = """
            case when %2$s >= q.n then 0::numeric
                 when %2$s <= 0 then q.principal
                 when q.amortization = 'INTEREST_ONLY_THEN_BULLET' then q.principal
                 when q.amortization = 'EQUAL_PRINCIPAL' then q.principal - round(q.principal / q.n, 2) * (%2$s)
                 else round((q.principal::float8 * power(1 + q.r, %2$s)
                             - q.annuity::float8 * (power(1 + q.r, %2$s) - 1) / q.r)::numeric, 2) end""";

    /** Writes {@code loans} loans of {@code institutionId}, positioned as of {@code businessDate}. */
    static void generate(JdbcClient owner, UUID institutionId, LocalDate businessDate, int loans) {
        owner.sql("drop table if exists bench_plan").update();
        owner.sql("""
                create unlogged table bench_plan as
                with base as (
                    select i, abs(hashint8(i * 16 + 1)) % 8 as product, abs(hashint8(i * 16 + 2)) as h_term,
                           abs(hashint8(i * 16 + 3)) % 10000 as u, abs(hashint8(i * 16 + 4)) as h_amount,
                           abs(hashint8(i * 16 + 5)) as h_rate, abs(hashint8(i * 16 + 6)) as h_day,
                           abs(hashint8(i * 16 + 7)) as h_age, abs(hashint8(i * 16 + 8)) % 100 as h_debit,
                           md5('bench-loan-' || i) as hex
                    from generate_series(1, :loans) i
                ), shaped as (
                    select b.*, p.amortization, p.rate_min, p.rate_max, p.amount_min, p.amount_max, p.classification,
                           p.grace, p.multiplier, p.terms[1 + b.h_term % array_length(p.terms, 1)] as n,
                           -- days past due aimed at (0: current), by bucket
                           case when u < 400 then 1 + u % 30 when u < 600 then 31 + u % 60 when u < 700 then 91 + u % 90
                                when u < 760 then 181 + u % 180 when u < 800 then 361 + u % 360 else 0 end as dpd
                    from base b join """ + PRODUCTS + """
                     on p.product = b.product
                )
                select i, product, n, amortization, classification, grace, multiplier, dpd,
                       (substr(hex, 1, 31) || case when dpd > 0 and h_debit < 30 then (array['0', '5'])[1 + i % 2]
                                                   else substr(hex, 32, 1) end)::uuid as id,
                       case when dpd > 0 then h_debit < 30 else h_debit < 60 end as auto_debit,
                       round((amount_min + (h_amount % 1000) / 999.0 * (amount_max - amount_min)) / 100) * 100 as principal,
                       round(rate_min + (h_rate % 1000) / 999.0 * (rate_max - rate_min), 2) as rate,
                       -- disbursed so that an overdue loan's oldest unpaid installment fell due dpd days ago, and a
                       -- current loan's next installment falls due 0..29 days from the business date
                       case when dpd > 0
                            then ((:day::date - dpd) - make_interval(months => (1 + h_age % n)::int))::date
                            else ((:day::date + (h_day % 30)::int) - make_interval(months => (1 + h_age % n)::int))::date
                       end as disbursed,
                       -- installments due on or before this date are paid
                       case when dpd > 0 then :day::date - dpd - 1
                            when h_debit < 60 or h_age % n = n - 1 then :day::date - 1 else :day::date end as paid_through
                from shaped
                """).param("loans", loans).param("day", businessDate).update();
        owner.sql("""
                alter table bench_plan add column r float8, add column annuity numeric
                """).update();
        owner.sql("""
                update bench_plan set r = rate / 1200.0,
                    annuity = round((principal::float8 * (rate / 1200.0) / (1 - power(1 + rate / 1200.0, -n)))::numeric, 2)
                """).update();
        owner.sql("create index on bench_plan (i)").update();
        owner.sql("analyze bench_plan").update();
        loansAndRepayments(owner, institutionId, businessDate);
        schedules(owner, institutionId);
        penalties(owner, institutionId, businessDate);
        repayments(owner, institutionId);
        owner.sql("drop table bench_position").update();
        owner.sql("drop table bench_plan").update();
        for (String table : new String[] {"servicing_loan", "servicing_schedule_version", "servicing_schedule_row",
                "servicing_transaction"}) {
            owner.sql("vacuum analyze " + table).update();
        }
    }

    /** Every schedule row of every planned loan, computed (not read): q.*, k, period_start, due_date, principal, interest, total, balance_after. */
    private static String rows() {
        return """
                (select q.*, k, (q.disbursed + make_interval(months => k - 1))::date as period_start,
                        (q.disbursed + make_interval(months => k))::date as due_date,
                        b.before - b.after as row_principal, round(b.before * q.rate / 1200, 2) as row_interest,
                        b.before - b.after + round(b.before * q.rate / 1200, 2) as row_total, b.after as balance_after
                 from bench_plan q cross join lateral generate_series(1, q.n) k
                 cross join lateral (select %s as before, %s as after) b) r
                """.formatted(BALANCE.formatted("q", "k - 1"), BALANCE.formatted("q", "k"));
    }

    private static void schedules(JdbcClient owner, UUID institutionId) {
        owner.sql("""
                insert into servicing_schedule_version (loan_id, version, institution_id, reason, effective_date, terms, created_at)
                select q.id, 1, :inst, 'DISBURSEMENT', q.disbursed, l.terms, now()
                from bench_plan q join servicing_loan l on l.id = q.id
                """).param("inst", institutionId).update();
        owner.sql("""
                insert into servicing_schedule_row (loan_id, version, n, institution_id, period_start, due_date, principal,
                                                    interest, total, balance_after)
                select r.id, 1, r.k, :inst, r.period_start, r.due_date, r.row_principal, r.row_interest, r.row_total,
                       r.balance_after
                from """ + rows()).param("inst", institutionId).update();
    }

    /**
     * An overdue loan's row holds the penalty the engine has charged by the business date (servicing
     * README §3, §5): its unpaid installments have owed their whole row since their due dates and
     * nothing was paid late, so each one's penalty is closed-form ({@code servicing_penalty_charged}).
     * End of day reads it where it derives a quiet loan's amount owed without the engine (withholding).
     */
    private static void penalties(JdbcClient owner, UUID institutionId, LocalDate day) {
        owner.sql("""
                update servicing_loan l set penalty_charged = (
                    select coalesce(sum(servicing_penalty_charged(
                               r.principal + case when (l.policy ->> 'compoundOverdueInterest')::boolean then r.interest else 0 end,
                               :day - r.due_date, (l.policy ->> 'graceDays')::int,
                               (l.terms ->> 'annualInterestRatePercent')::numeric * (l.policy ->> 'penaltyRateMultiplier')::numeric,
                               (l.policy ->> 'penaltyDaysInYear')::int, 2, true)), 0)
                    from servicing_schedule_row r
                    where r.loan_id = l.id and r.version = 1 and r.due_date >= l.oldest_unpaid_due and r.due_date < :day)
                where l.institution_id = :inst and l.status = 'OVERDUE'
                """).param("inst", institutionId).param("day", day).update();
    }

    private static void loansAndRepayments(JdbcClient owner, UUID institutionId, LocalDate day) {
        owner.sql("""
                create unlogged table bench_position as
                select r.id, count(*) filter (where r.due_date <= r.paid_through) as paid,
                       min(r.due_date) filter (where r.due_date > r.paid_through) as oldest_unpaid,
                       min(r.due_date) filter (where r.due_date > r.paid_through and r.due_date >= :day) as next_due,
                       min(r.due_date) as first_due, max(r.due_date) as maturity,
                       coalesce(sum(r.row_total) filter (where r.due_date <= r.paid_through), 0) as paid_total,
                       coalesce(sum(r.row_interest) filter (where r.due_date <= r.paid_through), 0) as interest_paid,
                       coalesce(min(r.balance_after) filter (where r.due_date <= r.paid_through), r.principal) as outstanding,
                       min(r.row_principal) filter (where r.k = 1) as first_principal,
                       min(r.row_interest) filter (where r.k = 1) as first_interest
                from """ + rows() + """
                group by r.id, r.principal
                """).param("day", day).update();
        owner.sql("""
                insert into servicing_loan (id, institution_id, customer_id, contract_number, product_id, product_version,
                    principal, annual_rate_percent, currency_digits, half_even, terms, policy, auto_debit, status,
                    disbursement_date, maturity_date, principal_outstanding, interest_paid, oldest_unpaid_due,
                    next_due_date, grade, position_date, eod_bucket, accepted_at, created_at, updated_at)
                select q.id, :inst, md5('bench-customer-' || q.i)::uuid, 'BENCH-' || lpad(q.i::text, 8, '0'),
                       md5('bench-product-' || q.product)::uuid, 1, q.principal, q.rate, 2, true,
                       jsonb_build_object('principal', q.principal::text, 'annualInterestRatePercent', q.rate::text,
                           'currencyDigits', 2, 'roundingMode', 'HALF_EVEN', 'amortization', q.amortization,
                           'interestMethod', 'DECLINING_BALANCE', 'interestAccrual', 'PER_PERIOD',
                           'installmentBasis', 'NOMINAL_PERIODIC_RATE', 'numberOfRepayments', q.n, 'repaymentEvery', 1,
                           'repaymentFrequency', 'MONTHS', 'daysInYear', '365', 'daysInMonth', 'ACTUAL',
                           'disbursementDate', q.disbursed::text, 'firstRepaymentDate', p.first_due::text,
                           'installmentAmountInMultiplesOf', '0.01', 'graceOnPrincipalPeriods', 0,
                           'graceOnInterestPaymentPeriods', 0, 'emiAdjustment', 'NONE'),
                       jsonb_build_object('penaltyRateMultiplier', q.multiplier::text, 'penaltyDaysInYear', 360,
                           'graceDays', q.grace, 'compoundOverdueInterest', q.product in (0, 7),
                           'classification', q.classification),
                       q.auto_debit,
                       case when p.oldest_unpaid < :day then 'OVERDUE' else 'ACTIVE' end,
                       q.disbursed, p.maturity, p.outstanding, p.interest_paid, p.oldest_unpaid, p.next_due,
                       case when p.oldest_unpaid >= :day then 'NORMAL'
                            else (select case when d >= t.l and t.l > 0 then 'LOSS' when d >= t.dbt and t.dbt > 0 then 'DOUBTFUL'
                                              when d >= t.sub then 'SUBSTANDARD' when d >= t.sm then 'SPECIAL_MENTION'
                                              else 'NORMAL' end
                                  from (select :day::date - p.oldest_unpaid as d) x,
                                       (values ('DPD_DEFAULT', 1, 91, 271, 361), ('CREDIT', 11, 91, 181, 361),
                                               ('GUARANTEED', 31, 91, 181, 361), ('MORTGAGE', 31, 361, 0, 0),
                                               ('PLEDGE', 91, 361, 0, 0)) as t(c, sm, sub, dbt, l)
                                  where t.c = q.classification) end,
                       :day, q.i % 256, now(), now(), now()
                from bench_plan q join bench_position p on p.id = q.id
                where p.oldest_unpaid is not null
                """).param("inst", institutionId).param("day", day).update();
        // a loan the shaping left with nothing unpaid is not an active loan: it is left out
        owner.sql("delete from bench_plan q where not exists (select from servicing_loan l where l.id = q.id)").update();
    }

    private static void repayments(JdbcClient owner, UUID institutionId) {
        owner.sql("""
                insert into servicing_transaction (id, institution_id, loan_id, kind, business_date, amount, channel,
                    idempotency_key, penalty, interest, principal, to_credit, note, created_at)
                select md5('bench-repayment-' || p.id)::uuid, :inst, p.id, 'REPAYMENT', p.first_due, p.paid_total, 'TRANSFER',
                       'bench-history', 0, p.first_interest, p.first_principal,
                       p.paid_total - p.first_interest - p.first_principal, 'synthetic history', now()
                from bench_position p join bench_plan q on q.id = p.id where p.paid > 0
                """).param("inst", institutionId).update();
    }
}
