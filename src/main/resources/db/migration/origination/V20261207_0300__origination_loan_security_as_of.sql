-- The security counts per loan as of a business date: the latest change that took effect on or before that date, else
-- the contract's. The monthly return's SECURITY lines read it as of the month end, so a change made after the month
-- end does not alter that month's return (a change inside the month does, with report-time code 30). Security
-- invoker, so the caller's tenant wall applies.
create function origination_loan_security(as_of date)
    returns table (loan_id uuid, guarantors integer, collateral integer, rights integer)
    language sql stable
as $$
    select a.loan_id,
           case when jsonb_typeof(s.guarantors) = 'array' then jsonb_array_length(s.guarantors) else 0 end,
           case when jsonb_typeof(s.collateral) = 'array' then jsonb_array_length(s.collateral) else 0 end,
           case when jsonb_typeof(s.collateral) = 'array'
                then jsonb_array_length(jsonb_path_query_array(s.collateral,
                         '$[*] ? (@.type == "DEPOSIT_CERTIFICATE" || @.type == "RECEIVABLES")'))
                else 0 end
      from origination_application a
      left join (select distinct on (c.application_id) c.application_id, c.collateral, c.guarantors
                   from origination_security_change c
                  where c.changed_on <= as_of
                  order by c.application_id, c.changed_on desc, c.changed_at desc) c
             on c.application_id = a.id
      cross join lateral (select coalesce(c.collateral, a.collateral) as collateral,
                                 coalesce(c.guarantors, a.guarantors) as guarantors) s
     where a.loan_id is not null
$$;

-- The security in force now: the same read with no end date.
create or replace function origination_loan_security()
    returns table (loan_id uuid, guarantors integer, collateral integer, rights integer)
    language sql stable
as $$
    select * from origination_loan_security('infinity'::date)
$$;
