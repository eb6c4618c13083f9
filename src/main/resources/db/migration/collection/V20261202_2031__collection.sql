-- Collections (催收): a case per overdue loan, its contact log, promises to pay, the payments that
-- came in while it was open (recovery), and the round-robin cursor of assignment. The conduct
-- rules (DOMAIN.md §9) are checked before a contact is logged; a refusal is written to the audit
-- trail, not here. The contact log is append-only.

create table collection_case (
    id                      uuid primary key,
    institution_id          uuid not null references iam_organisation (id),
    loan_id                 uuid not null,
    customer_id             uuid not null,
    contract_number         text,
    branch_id               uuid,
    branch_path             text,
    officer_id              uuid,
    -- the collector working the case: the owner for data scope "own records"
    collector_id            uuid,
    status                  text not null check (status in ('OPEN', 'CLOSED')),
    opened_on               date not null,
    closed_on               date,
    close_reason            text check (close_reason in ('REPAID', 'PAID_OFF', 'WRITTEN_OFF')),
    -- as of the last refresh (the overdue event, end of day, a repayment)
    as_of                   date not null,
    due_since               date not null,
    days_past_due           integer not null check (days_past_due >= 0),
    bucket                  text not null check (bucket in ('M1', 'M2', 'M3_PLUS')),
    amount_overdue          numeric(19, 2) not null default 0,
    -- the B-card collection score (行为评分) that orders the queue; null until scored
    score                   integer,
    score_grade             text,
    scored_on               date,
    escalated               boolean not null default false,
    escalation_reason       text,
    outsourced              boolean not null default false,
    outsourced_agency       text,
    -- the borrower agreed to be contacted during the quiet hours (time recorded, audited)
    quiet_hours_consent_at  timestamptz,
    recovered               numeric(19, 2) not null default 0,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);
create unique index collection_case_open_loan on collection_case (institution_id, loan_id) where status = 'OPEN';
create index collection_case_queue on collection_case (institution_id, status, bucket, score);
create index collection_case_collector on collection_case (institution_id, collector_id) where status = 'OPEN';
select xiaodai_tenant_wall('collection_case');

create table collection_contact (
    id              uuid primary key,
    institution_id  uuid not null references iam_organisation (id),
    case_id         uuid not null references collection_case (id),
    -- the borrower's customer id, or a related party the borrower named
    contact_id      uuid not null,
    borrower        boolean not null,
    channel         text not null check (channel in ('CALL', 'SMS', 'VISIT', 'LETTER')),
    outcome         text not null check (outcome in ('ANSWERED', 'NO_ANSWER', 'PROMISE_TO_PAY', 'REFUSED_TO_PAY',
                                                    'WRONG_NUMBER', 'LEFT_MESSAGE')),
    note            text,
    contacted_at    timestamptz not null,
    local_day       date not null,
    collector_id    uuid not null,
    collector_name  text not null,
    created_at      timestamptz not null
);
create index collection_contact_case on collection_contact (case_id, contacted_at desc);
create index collection_contact_day on collection_contact (case_id, contact_id, local_day);
select xiaodai_tenant_wall('collection_contact');

create table collection_promise (
    id              uuid primary key,
    institution_id  uuid not null references iam_organisation (id),
    case_id         uuid not null references collection_case (id),
    amount          numeric(19, 2) not null check (amount > 0),
    currency        char(3) not null default 'CNY',
    promised_date   date not null,
    made_on         date not null,
    status          text not null check (status in ('OPEN', 'KEPT', 'BROKEN')),
    paid            numeric(19, 2) not null default 0,
    resolved_on     date,
    note            text,
    collector_id    uuid not null,
    created_at      timestamptz not null
);
create index collection_promise_case on collection_promise (case_id, created_at desc);
create index collection_promise_open on collection_promise (institution_id, promised_date) where status = 'OPEN';
select xiaodai_tenant_wall('collection_promise');

-- Repayments booked while a case was open: what collection recovered, by the bucket at the time.
create table collection_payment (
    id              uuid primary key,
    institution_id  uuid not null references iam_organisation (id),
    case_id         uuid not null references collection_case (id),
    loan_id         uuid not null,
    amount          numeric(19, 2) not null,
    bucket          text not null,
    business_date   date not null,
    created_at      timestamptz not null
);
create index collection_payment_case on collection_payment (case_id);
select xiaodai_tenant_wall('collection_payment');

-- Round-robin assignment: the collector who got the institution's last case.
create table collection_round_robin (
    institution_id     uuid primary key references iam_organisation (id),
    last_collector_id  uuid not null,
    updated_at         timestamptz not null
);
select xiaodai_tenant_wall('collection_round_robin');

revoke update, delete, truncate on collection_contact, collection_payment from xiaodai_access;
revoke delete, truncate on collection_case, collection_promise, collection_round_robin from xiaodai_access;
