-- The regulator's real-time feed (实时数据): servicing's loan events — new loan, repayment, overdue,
-- grade change, write-off — recorded by supervision as each business transaction commits. Tenant-walled
-- (an institution reads its own rows, the regulator every row); append-only; one row per event
-- (source_key is the event's natural key, so an event delivered twice is recorded once).
create table supervision_loan_event (
    id               uuid primary key,
    institution_id   uuid not null,
    seq              bigint generated always as identity,
    loan_id          uuid not null,
    contract_number  text,
    kind             text not null check (kind in ('NEW_LOAN', 'REPAYMENT', 'OVERDUE', 'GRADE_CHANGE', 'WRITE_OFF')),
    business_date    date not null,
    amount           numeric(19, 2),
    from_grade       text,
    to_grade         text,
    days_past_due    integer,
    source_key       text not null,
    recorded_at      timestamptz not null,
    unique (institution_id, source_key)
);
create index supervision_loan_event_recent on supervision_loan_event (seq desc);
create index supervision_loan_event_institution on supervision_loan_event (institution_id, seq desc);
create index supervision_loan_event_loan on supervision_loan_event (loan_id, seq);
select xiaodai_tenant_wall('supervision_loan_event');
revoke update, delete, truncate on supervision_loan_event from xiaodai_access;

-- The indicator history is read by date across the region (region sums, the regulator's home).
create index supervision_indicator_as_of on supervision_indicator (as_of, indicator);
