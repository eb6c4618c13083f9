-- Regulatory reporting (监管报送): monthly returns per institution and period, each generation a new
-- version with its immutable snapshot (the loan-level monthly detail, the statistical lines, the
-- data-quality results and failing rows), the regulator's receipts with row-level rejections.
-- Snapshot, receipt and rejection rows are append-only (the application's role may not update,
-- delete or truncate them); only a return's workflow status moves.

create table reporting_return (
    id               uuid primary key,
    institution_id   uuid not null references iam_organisation (id),
    period           text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    version          integer not null check (version >= 1),
    status           text not null check (status in ('GENERATED', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'SUPERSEDED')),
    as_of            date not null,
    collected_on     date not null,
    due_on           date not null,
    loans            integer not null,
    balance          numeric(19, 4) not null,
    quality_score    numeric(7, 4) not null,
    generated_at     timestamptz not null,
    generated_by     uuid,
    generated_by_name text not null,
    submitted_at     timestamptz,
    submitted_on     date,
    submitted_by_name text,
    late             boolean not null default false,
    receipt_at       timestamptz,
    row_version      integer not null default 0,
    unique (institution_id, period, version)
);
create index reporting_return_status on reporting_return (status, submitted_at desc);
select xiaodai_tenant_wall('reporting_return');

-- The loan-level monthly detail (贷款月度表现信息段), one row per loan on the books in the period.
create table reporting_loan_detail (
    return_id            uuid not null references reporting_return (id),
    row_no               integer not null,
    institution_id       uuid not null,
    loan_id              uuid not null,
    contract_number      text,
    customer_id          uuid not null,
    product_id           uuid not null,
    currency             char(3) not null,
    principal            numeric(19, 2) not null,
    annual_rate_percent  numeric(12, 6) not null,
    disbursement_date    date not null,
    maturity_date        date,
    settlement_date      date not null,
    report_code          text not null,
    account_status       text not null,
    balance              numeric(19, 4) not null,
    remaining_periods    integer not null,
    grade_code           text not null,
    grade_changed_on     date,
    repayment_status     text not null,
    days_past_due        integer not null,
    overdue_periods      integer not null,
    overdue_total        numeric(19, 4) not null,
    overdue_principal    numeric(19, 4) not null,
    overdue_31_60        numeric(19, 4) not null,
    overdue_61_90        numeric(19, 4) not null,
    overdue_91_180       numeric(19, 4) not null,
    overdue_180_plus     numeric(19, 4) not null,
    amount_due           numeric(19, 4) not null,
    amount_paid          numeric(19, 4) not null,
    last_payment_on      date,
    closed_on            date,
    primary key (return_id, row_no)
);
select xiaodai_tenant_wall('reporting_loan_detail');
revoke update, delete, truncate on reporting_loan_detail from xiaodai_access;

-- The monthly statistical return (月度统计报表): one line per dimension and key.
create table reporting_return_line (
    return_id          uuid not null references reporting_return (id),
    institution_id     uuid not null,
    dimension          text not null,
    key                text not null,
    loans              integer not null,
    balance            numeric(19, 4) not null,
    overdue_principal  numeric(19, 4) not null,
    npl_balance        numeric(19, 4) not null,
    new_loans          integer not null,
    new_amount         numeric(19, 2) not null,
    repaid             numeric(19, 4) not null,
    primary key (return_id, dimension, key)
);
select xiaodai_tenant_wall('reporting_return_line');
revoke update, delete, truncate on reporting_return_line from xiaodai_access;

-- Data quality (数据质量) of a return: one result per rule, and the failing rows.
create table reporting_quality_result (
    return_id       uuid not null references reporting_return (id),
    institution_id  uuid not null,
    rule            text not null,
    category        text not null check (category in ('COMPLETENESS', 'VALIDITY', 'CONSISTENCY', 'UNIQUENESS')),
    checked         integer not null,
    failed          integer not null,
    primary key (return_id, rule)
);
select xiaodai_tenant_wall('reporting_quality_result');
revoke update, delete, truncate on reporting_quality_result from xiaodai_access;

create table reporting_quality_failure (
    return_id       uuid not null references reporting_return (id),
    institution_id  uuid not null,
    rule            text not null,
    row_no          integer,
    loan_id         uuid,
    detail          text
);
create index reporting_quality_failure_rule on reporting_quality_failure (return_id, rule);
select xiaodai_tenant_wall('reporting_quality_failure');
revoke update, delete, truncate on reporting_quality_failure from xiaodai_access;

-- The regulator's receipt (回执) of a submitted return, and its row-level rejections.
create table reporting_receipt (
    id              uuid primary key,
    institution_id  uuid not null,
    return_id       uuid not null unique references reporting_return (id),
    accepted        boolean not null,
    note            text,
    received_at     timestamptz not null,
    received_by     uuid,
    received_by_name text not null
);
select xiaodai_tenant_wall('reporting_receipt');
revoke update, delete, truncate on reporting_receipt from xiaodai_access;

create table reporting_rejection (
    receipt_id      uuid not null references reporting_receipt (id),
    institution_id  uuid not null,
    return_id       uuid not null,
    row_no          integer not null,
    reason          text not null,
    primary key (receipt_id, row_no)
);
select xiaodai_tenant_wall('reporting_rejection');
revoke update, delete, truncate on reporting_rejection from xiaodai_access;
