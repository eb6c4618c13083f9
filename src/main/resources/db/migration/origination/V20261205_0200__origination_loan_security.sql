-- Origination's set-based read for regulatory reporting (the monthly statistical return's breakdown by
-- security type, DOMAIN.md §2 and §6): for each loan an application became, how many guarantors and which
-- kinds of collateral its contract was made with (the contract's collateral and guarantee clauses are
-- rendered from these) — kinds and counts only, no names, descriptions or valuations. A security-invoker
-- SQL function, so the caller's tenant wall applies; reporting joins it and never reads the application
-- table itself.
create function origination_loan_security()
    returns table (loan_id uuid, guarantors integer, collateral_types text[])
    language sql stable
as $$
    select a.loan_id,
           case when jsonb_typeof(a.guarantors) = 'array' then jsonb_array_length(a.guarantors) else 0 end,
           array(select distinct c ->> 'type' from jsonb_array_elements(
                     case when jsonb_typeof(a.collateral) = 'array' then a.collateral else '[]'::jsonb end) c
                  where c ->> 'type' is not null order by 1)
      from origination_application a
     where a.loan_id is not null
$$;
