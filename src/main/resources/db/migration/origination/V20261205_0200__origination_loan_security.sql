-- Origination's set-based read for regulatory reporting (the monthly statistical return's breakdown by
-- security type, DOMAIN.md §2 and §6): for each loan an application became, how many guarantors and
-- collateral items its contract was made with (the contract's guarantee and collateral clauses are rendered
-- from these), and how many of the items are rights (存单 deposit certificates, 应收账款 receivables: pledged,
-- 质押) — counts only, no names, descriptions or valuations. A security-invoker SQL function, so the
-- caller's tenant wall applies; reporting joins it and never reads the application table itself.
create function origination_loan_security()
    returns table (loan_id uuid, guarantors integer, collateral integer, rights integer)
    language sql stable
as $$
    select a.loan_id,
           case when jsonb_typeof(a.guarantors) = 'array' then jsonb_array_length(a.guarantors) else 0 end,
           case when jsonb_typeof(a.collateral) = 'array' then jsonb_array_length(a.collateral) else 0 end,
           case when jsonb_typeof(a.collateral) = 'array'
                then jsonb_array_length(jsonb_path_query_array(a.collateral,
                         '$[*] ? (@.type == "DEPOSIT_CERTIFICATE" || @.type == "RECEIVABLES")'))
                else 0 end
      from origination_application a
     where a.loan_id is not null
$$;
