-- Customer's set-based read for regulatory reporting (the monthly statistical return's breakdowns by
-- region, industry and borrower type, DOMAIN.md §6): each customer's kind, region (GB/T 2260) and
-- industry (GB/T 4754) — no personal data. A security-invoker SQL function, so the caller's tenant
-- wall applies; reporting joins it and never reads the customer table itself.
create function customer_reporting_segments()
    returns table (customer_id uuid, kind text, region_code text, industry_code text)
    language sql stable
as $$
    select c.id, c.kind, c.region_code, c.industry_code from customer c
$$;
