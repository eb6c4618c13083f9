-- The general ledger (总账): each institution's chart of accounts, vouchers (凭证) and their
-- entries. Every business event posts one balanced voucher in the transaction of the event,
-- idempotent on the event id; vouchers and entries are append-only (the application's role may
-- not update, delete or truncate them), corrections are reversing vouchers.

create table ledger_account (
    institution_id  uuid not null references iam_organisation (id),
    code            text not null,
    -- what the account is for (servicing posts by role; the chart maps each role to one account)
    role            text not null,
    name_zh         text not null,
    name_en         text not null,
    kind            text not null check (kind in ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    created_at      timestamptz not null,
    primary key (institution_id, code),
    unique (institution_id, role)
);
select xiaodai_tenant_wall('ledger_account');

create table ledger_voucher (
    id              uuid primary key,
    institution_id  uuid not null references iam_organisation (id),
    -- the business event that posted it: posting the same event again posts nothing
    event_id        uuid not null,
    voucher_date    date not null,
    kind            text not null,
    loan_id         uuid,
    reverses_id     uuid references ledger_voucher (id),
    description     text,
    total           numeric(19, 2) not null,
    seq             bigint generated always as identity,
    created_at      timestamptz not null,
    unique (institution_id, event_id)
);
create index ledger_voucher_loan on ledger_voucher (loan_id, seq) where loan_id is not null;
create index ledger_voucher_date on ledger_voucher (institution_id, voucher_date);
select xiaodai_tenant_wall('ledger_voucher');
revoke update, delete, truncate on ledger_voucher from xiaodai_access;

create table ledger_entry (
    id              bigint generated always as identity primary key,
    institution_id  uuid not null references iam_organisation (id),
    voucher_id      uuid not null references ledger_voucher (id),
    voucher_date    date not null,
    account_code    text not null,
    debit           numeric(19, 2) not null default 0 check (debit >= 0),
    credit          numeric(19, 2) not null default 0 check (credit >= 0),
    check (debit = 0 or credit = 0),
    foreign key (institution_id, account_code) references ledger_account (institution_id, code)
);
create index ledger_entry_voucher on ledger_entry (voucher_id);
create index ledger_entry_date on ledger_entry (institution_id, voucher_date, account_code);
select xiaodai_tenant_wall('ledger_entry');
revoke update, delete, truncate on ledger_entry from xiaodai_access;

-- A voucher whose entries do not balance cannot commit (checked once per voucher at commit).
create function ledger_voucher_balances() returns trigger language plpgsql as $$
declare
    difference numeric;
begin
    select coalesce(sum(debit), 0) - coalesce(sum(credit), 0) into difference
      from ledger_entry where voucher_id = new.id;
    if difference <> 0 then
        raise exception 'voucher % does not balance (debit - credit = %)', new.id, difference
            using errcode = 'check_violation';
    end if;
    return null;
end
$$;
create constraint trigger ledger_voucher_balanced after insert on ledger_voucher
    deferrable initially deferred for each row execute function ledger_voucher_balances();
