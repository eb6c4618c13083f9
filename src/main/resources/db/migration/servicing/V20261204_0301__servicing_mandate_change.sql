-- Every change of a loan's auto-debit mandate (代扣授权) after contract acceptance: set, revoked or
-- set again, with the idempotency key of the request (the same key twice changes once and answers
-- the first result), the business date and who did it. Append-only; the loan row holds the mandate
-- in force (servicing_loan.auto_debit), which end of day's withholding reads.
create table servicing_mandate_change (
    id               uuid primary key,
    institution_id   uuid not null references iam_organisation (id),
    loan_id          uuid not null references servicing_loan (id),
    idempotency_key  text not null,
    auto_debit       boolean not null,
    previous         boolean not null,
    business_date    date not null,
    reason           text,
    actor_id         uuid,
    created_at       timestamptz not null,
    unique (loan_id, idempotency_key)
);
create index servicing_mandate_change_loan on servicing_mandate_change (loan_id, created_at);
select xiaodai_tenant_wall('servicing_mandate_change');
revoke update, delete, truncate on servicing_mandate_change from xiaodai_access;
