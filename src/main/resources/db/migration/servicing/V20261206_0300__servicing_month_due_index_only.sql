-- servicing_month_end_positions (V20261204_0204), same signature and results: the month's amount due is read
-- from the due-date index alone. `servicing_schedule_row_due` (institution, due date; end of day's accrual reads its
-- included columns index-only) now also includes `total`, so the month's installments are an index-only scan (the
-- bitmap read of one heap page per loan was the largest part of the collection); they are summed per loan and
-- schedule version without the join to the loans, and the final left join keeps the current version's sum
-- (a loan's older schedule versions keep their rows).
drop index servicing_schedule_row_due;
create index servicing_schedule_row_due on servicing_schedule_row (institution_id, due_date)
    include (period_start, interest, loan_id, version, total);

create or replace function servicing_month_end_positions(p_month_start date, p_as_of date)
    returns table (loan_id uuid, institution_id uuid, customer_id uuid, product_id uuid, contract_number text,
                   currency char(3), principal numeric, annual_rate_percent numeric, disbursement_date date,
                   maturity_date date, status text, grade text, grade_changed_on date, principal_outstanding numeric,
                   remaining_periods integer, days_past_due integer, overdue_periods integer, overdue_principal numeric,
                   overdue_interest numeric, penalty_outstanding numeric, overdue_31_60 numeric, overdue_61_90 numeric,
                   overdue_91_180 numeric, overdue_180_plus numeric, amount_due numeric, amount_paid numeric,
                   last_payment_on date, closed_on date)
    language sql stable
as $$
    with l as materialized (
        select s.id, s.institution_id, s.customer_id, s.product_id, s.contract_number, s.currency, s.principal,
               s.annual_rate_percent, s.disbursement_date, s.maturity_date, s.status,
               coalesce(s.manual_grade, s.grade) as grade, s.principal_outstanding, s.schedule_version,
               s.oldest_unpaid_due, greatest(0, s.penalty_charged - s.penalty_paid) as penalty_outstanding,
               case s.status when 'PAID_OFF' then s.paid_off_on when 'WRITTEN_OFF' then s.written_off_on end as closed_on,
               (s.terms ->> 'numberOfRepayments')::int as repayments
          from servicing_loan s
         where s.disbursement_date is not null and s.disbursement_date <= p_as_of
           and (s.status in ('ACTIVE', 'OVERDUE')
                or (s.status = 'PAID_OFF' and s.paid_off_on >= p_month_start)
                or (s.status = 'WRITTEN_OFF' and s.written_off_on >= p_month_start))
    ), ov as (
        select r.loan_id, p_as_of - r.due_date as age, r.principal as row_principal, r.interest as row_interest,
               r.balance_after, l.principal_outstanding as outstanding,
               coalesce(sum(r.principal) over (partition by r.loan_id order by r.due_date desc
                        rows between unbounded preceding and 1 preceding), 0) as newer
          from l cross join lateral (
                select x.loan_id, x.due_date, x.principal, x.interest, x.balance_after
                  from servicing_schedule_row x
                 where x.loan_id = l.id and x.version = l.schedule_version
                   and x.due_date >= l.oldest_unpaid_due and x.due_date < p_as_of
                offset 0) r
         where l.status in ('ACTIVE', 'OVERDUE') and l.oldest_unpaid_due < p_as_of
    ), ovx as (
        select o.loan_id, greatest(0, max(o.outstanding) - min(o.balance_after)) as unpaid
          from ov o group by o.loan_id
    ), ovb as (
        select o.loan_id, count(*)::int as periods, max(x.unpaid) as overdue_principal, sum(o.row_interest) as overdue_interest,
               coalesce(sum(least(o.row_principal, greatest(0, x.unpaid - o.newer))) filter (where o.age between 31 and 60), 0) as b31,
               coalesce(sum(least(o.row_principal, greatest(0, x.unpaid - o.newer))) filter (where o.age between 61 and 90), 0) as b61,
               coalesce(sum(least(o.row_principal, greatest(0, x.unpaid - o.newer))) filter (where o.age between 91 and 180), 0) as b91,
               coalesce(sum(least(o.row_principal, greatest(0, x.unpaid - o.newer))) filter (where o.age > 180), 0) as b181
          from ov o join ovx x on x.loan_id = o.loan_id group by o.loan_id
    ), due as (
        select r.loan_id, r.version, sum(r.total) as amount
          from servicing_schedule_row r
         where r.due_date >= p_month_start and r.due_date <= p_as_of
         group by r.loan_id, r.version
    ), paid as (
        select t.loan_id,
               sum(case when t.kind = 'REVERSAL' then -t.amount else t.amount end)
                   filter (where t.business_date >= p_month_start) as amount,
               max(t.business_date) filter (where t.kind <> 'REVERSAL') as last_on
          from servicing_transaction t
         where t.kind in ('REPAYMENT', 'PREPAYMENT', 'PAYOFF', 'REVERSAL') and t.business_date <= p_as_of
         group by t.loan_id
    ), graded as (
        select g.loan_id, max(g.changed_on) as changed_on
          from servicing_grade_change g
         where g.changed_on <= p_as_of and g.from_grade <> g.to_grade
         group by g.loan_id
    )
    select l.id, l.institution_id, l.customer_id, l.product_id, l.contract_number, l.currency, l.principal,
           l.annual_rate_percent, l.disbursement_date, l.maturity_date, l.status, l.grade,
           graded.changed_on, l.principal_outstanding,
           case when l.status not in ('ACTIVE', 'OVERDUE') or l.maturity_date is null or l.maturity_date <= p_as_of then 0
                else least(coalesce(l.repayments, 2147483647),
                           (12 * (extract(year from l.maturity_date) - extract(year from p_as_of))
                            + extract(month from l.maturity_date) - extract(month from p_as_of)
                            + case when extract(day from l.maturity_date) > extract(day from p_as_of) then 1 else 0 end)::int)
           end,
           case when l.status in ('ACTIVE', 'OVERDUE') and l.oldest_unpaid_due < p_as_of
                then p_as_of - l.oldest_unpaid_due else 0 end,
           coalesce(ovb.periods, 0), coalesce(ovb.overdue_principal, 0), coalesce(ovb.overdue_interest, 0),
           l.penalty_outstanding,
           coalesce(ovb.b31, 0), coalesce(ovb.b61, 0), coalesce(ovb.b91, 0), coalesce(ovb.b181, 0),
           coalesce(due.amount, 0), coalesce(paid.amount, 0), paid.last_on, l.closed_on
      from l
      left join ovb on ovb.loan_id = l.id
      left join due on due.loan_id = l.id and due.version = l.schedule_version
      left join paid on paid.loan_id = l.id
      left join graded on graded.loan_id = l.id
$$;
