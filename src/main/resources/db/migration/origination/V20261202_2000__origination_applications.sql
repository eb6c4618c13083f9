-- Loan applications (贷款申请): online (API / portal) and offline (officer entry), with their
-- collateral, guarantors, documents, pre-loan investigations, the credit-bureau report, the score
-- and the flags the checks on submit raised. Status moves DRAFT → SUBMITTED → UNDER_REVIEW →
-- APPROVED | DECLINED | RETURNED | WITHDRAWN → CONTRACTED (RETURNED goes back to SUBMITTED).
create table origination_application (
    id                       uuid primary key,
    institution_id           uuid not null references iam_organisation (id),
    branch_id                uuid,
    branch_path              text,
    owner_id                 uuid not null,
    customer_id              uuid not null references customer (id),
    customer_name            text not null,
    product_id               uuid not null,
    product_version          integer not null,
    amount                   numeric(19, 2) not null check (amount > 0),
    number_of_repayments     integer not null check (number_of_repayments > 0),
    annual_rate_percent      numeric(9, 4) not null check (annual_rate_percent >= 0),
    purpose                  text not null,
    channel                  text not null check (channel in ('ONLINE', 'OFFLINE')),
    answers                  jsonb not null default '{}',
    documents                jsonb not null default '[]',
    collateral               jsonb not null default '[]',
    guarantors               jsonb not null default '[]',
    status                   text not null check (status in ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'DECLINED',
                                                             'RETURNED', 'WITHDRAWN', 'CONTRACTED')),
    flags                    jsonb not null default '[]',
    score                    jsonb,
    bureau_report            jsonb,
    annual_percentage_rate   numeric(9, 4),
    approved_amount          numeric(19, 2),
    approved_rate_percent    numeric(9, 4),
    conditions               text,
    decline_reasons          jsonb not null default '[]',
    human_review_requested_at timestamptz,
    contract_id              uuid,
    loan_id                  uuid,
    client_address           text,
    device_id                text,
    idempotency_key          text,
    submissions              integer not null default 0,
    submitted_at             timestamptz,
    decided_at               timestamptz,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    version                  integer not null default 0,
    unique (institution_id, idempotency_key)
);
create index origination_application_list on origination_application (institution_id, created_at desc);
create index origination_application_customer on origination_application (customer_id);
create index origination_application_address on origination_application (institution_id, client_address, submitted_at);
create index origination_application_device on origination_application (institution_id, device_id, submitted_at);
select xiaodai_tenant_wall('origination_application');

-- Pre-loan investigation (贷前调查) records: append-only, corrections are new records.
create table origination_investigation (
    id               uuid primary key,
    institution_id   uuid not null references iam_organisation (id),
    application_id   uuid not null references origination_application (id),
    visit_date       date not null,
    findings         text not null,
    attachments      jsonb not null default '[]',
    created_by       uuid not null,
    created_at       timestamptz not null
);
create index origination_investigation_application on origination_investigation (application_id);
select xiaodai_tenant_wall('origination_investigation');
revoke update, delete, truncate on origination_investigation from xiaodai_access;

-- The institution's prior-year-end net assets (上年末净资产), the base of the 10 % / 15 % exposure
-- limits (DOMAIN.md §3), by the date it applies from. Data, not code: supervision may later own it.
create table origination_net_assets (
    institution_id   uuid not null references iam_organisation (id),
    effective_from   date not null,
    net_assets       numeric(19, 2) not null check (net_assets > 0),
    primary key (institution_id, effective_from)
);
select xiaodai_tenant_wall('origination_net_assets');
