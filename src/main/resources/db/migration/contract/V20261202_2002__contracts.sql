-- Loan contracts (借款合同): issued on approval from a template, the exact text stored with its
-- template version and SHA-256; accepted by the borrower (time, client address, text version: the
-- e-signature hook), which hands the loan to servicing (ContractAccepted).
create table contract (
    id                     uuid primary key,
    institution_id         uuid not null references iam_organisation (id),
    contract_number        text not null,
    application_id         uuid not null unique,
    customer_id            uuid not null,
    product_id             uuid not null,
    product_version        integer not null,
    branch_id              uuid,
    branch_path            text,
    officer_id             uuid not null,
    principal              numeric(19, 2) not null,
    annual_rate_percent    numeric(9, 4) not null,
    annual_percentage_rate numeric(9, 4) not null,
    number_of_repayments   integer not null,
    upfront_fees           numeric(19, 2) not null default 0,
    terms                  jsonb not null,
    policy                 jsonb not null,
    status                 text not null check (status in ('ISSUED', 'ACCEPTED')),
    text_version           text not null,
    text_body              text not null,
    text_sha256            text not null,
    issued_at              timestamptz not null,
    accepted_at            timestamptz,
    accepted_address       text,
    accepted_text_version  text,
    accepted_by            uuid,
    auto_debit             boolean,
    loan_id                uuid,
    unique (institution_id, contract_number)
);
select xiaodai_tenant_wall('contract');

-- The contract number scheme per institution: <institution code>-<year>-<6-digit sequence>.
create table contract_number_sequence (
    institution_id   uuid not null references iam_organisation (id),
    year             integer not null,
    last_value       integer not null,
    primary key (institution_id, year)
);
select xiaodai_tenant_wall('contract_number_sequence');
