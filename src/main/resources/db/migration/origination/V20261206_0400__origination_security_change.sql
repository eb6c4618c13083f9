-- Changes of a loan's security after its contract (担保变更: a guarantor added, released or replaced, collateral
-- added, released or substituted), each with the business date it takes effect on, who made it and why. One row per
-- change holding the security in full after it (the same shapes as the application's collateral and guarantors),
-- append-only: a correction is a new change. The application keeps the security the contract was made with.
create table origination_security_change (
    id               uuid primary key,
    institution_id   uuid not null references iam_organisation (id),
    application_id   uuid not null references origination_application (id),
    loan_id          uuid not null,
    changed_on       date not null,
    collateral       jsonb not null default '[]',
    guarantors       jsonb not null default '[]',
    reason           text not null,
    changed_by       uuid not null,
    changed_at       timestamptz not null
);
create index origination_security_change_loan on origination_security_change (loan_id, changed_on);
select xiaodai_tenant_wall('origination_security_change');
revoke update, delete, truncate on origination_security_change from xiaodai_access;

-- Published read for regulatory reporting: the loans whose security changed between two business dates (both
-- included), for the loan-level detail's report-time code 30 (guarantee change, DOMAIN.md §6). Ids only; security
-- invoker, so the caller's tenant wall applies.
create function origination_security_changes(from_date date, to_date date)
    returns table (loan_id uuid)
    language sql stable
as $$
    select distinct c.loan_id from origination_security_change c where c.changed_on between from_date and to_date
$$;

-- The security counts per loan now follow the latest change (the security in force), else the contract's.
create or replace function origination_loan_security()
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
                   from origination_security_change c order by c.application_id, c.changed_on desc, c.changed_at desc) c
             on c.application_id = a.id
      cross join lateral (select coalesce(c.collateral, a.collateral) as collateral,
                                 coalesce(c.guarantors, a.guarantors) as guarantors) s
     where a.loan_id is not null
$$;
