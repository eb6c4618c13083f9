-- Loan products (贷款产品), versioned, and the LPR table the rate benchmark is read from.

-- A product: its stable identity and code inside one institution; what it offers lives in its versions.
create table product (
    id              uuid primary key default gen_random_uuid(),
    institution_id  uuid not null references iam_organisation (id),
    code            text not null,
    current_version integer not null,
    created_at      timestamptz not null,
    created_by      uuid,
    unique (institution_id, code)
);

-- One version of a product: what a loan made under it keeps for its whole life. Never changed
-- after it is written (a trigger below refuses UPDATE and DELETE); editing a product writes a new
-- version. The definition is the API's JSON (schedule conventions and servicing policy under the
-- conformance field names); the columns beside it are what lists, pages and the rate rule read.
create table product_version (
    id                   uuid primary key default gen_random_uuid(),
    product_id           uuid not null references product (id),
    institution_id       uuid not null references iam_organisation (id),
    version              integer not null check (version >= 1),
    effective_from       date not null,
    name                 text not null,
    product_type         text not null check (product_type in ('PERSONAL_CONSUMPTION', 'INDIVIDUAL_BUSINESS', 'FARMER', 'SMALL_ENTERPRISE')),
    security_type        text not null check (security_type in ('CREDIT', 'GUARANTEED', 'MORTGAGE', 'PLEDGE')),
    currency             char(3) not null,
    definition           jsonb not null,
    -- 砍头息 is impossible by construction: a fee is charged at disbursement or with installments,
    -- never deducted from the principal paid out; no other way of charging can even be stored.
    constraint product_version_fees_are_charged_never_deducted check (
        jsonb_typeof(definition -> 'fees') = 'array'
        and not jsonb_path_exists(definition -> 'fees',
            '$[*] ? (!exists(@.charge) || !(@.charge == "AT_DISBURSEMENT" || @.charge == "PER_INSTALLMENT"))')),
    lowest_apr_percent   numeric(12, 4) not null,
    highest_apr_percent  numeric(12, 4) not null,
    lpr_date             date not null,
    lpr_percent          numeric(8, 4) not null,
    rate_cap_percent     numeric(12, 4) not null,
    rate_cap_exceeded    boolean not null,
    approval_policy_id   uuid,
    created_at           timestamptz not null,
    created_by           uuid,
    unique (product_id, version)
);
create index product_version_by_product on product_version (product_id, version desc);

create function product_version_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'product_version is immutable: % refused (edit the product to make a new version)', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger product_version_no_change before update or delete on product_version
    for each row execute function product_version_is_immutable();

alter table product enable row level security;
alter table product force row level security;
create policy tenant_institution on product using (institution_id = xiaodai_current_institution());
create policy tenant_region on product to xiaodai_region using (true);

alter table product_version enable row level security;
alter table product_version force row level security;
create policy tenant_institution on product_version using (institution_id = xiaodai_current_institution());
create policy tenant_region on product_version to xiaodai_region using (true);

-- The loan prime rate (贷款市场报价利率) as published by the National Interbank Funding Center on
-- behalf of the PBOC, one row per publication that changed it; the rate on a date is the newest
-- row on or before it. Region-wide reference data, not tenant data: everybody reads it, only
-- region-wide transactions (the platform operator, docs/architecture.md) may add rows, and
-- published rows are never changed (a correction is a new row for the date it applies from).
create table product_lpr (
    effective_date     date primary key,
    one_year_percent   numeric(8, 4) not null check (one_year_percent > 0 and one_year_percent < 100),
    five_year_percent  numeric(8, 4) check (five_year_percent > 0 and five_year_percent < 100),
    created_at         timestamptz not null,
    created_by         uuid
);

-- Readable by all, inserted only region-wide, never changed. The published history is written at
-- start by the application (product.internal.LprTable#ensurePublishedHistory), like the built-in
-- roles, so a freshly migrated database holds no rows and a restore can replace it.
alter table product_lpr enable row level security;
alter table product_lpr force row level security;
create policy lpr_readable_by_all on product_lpr for select using (true);
create policy lpr_written_region_wide on product_lpr for insert to xiaodai_region with check (true);
