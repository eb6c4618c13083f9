-- Loans in servicing (贷后): a loan opened from an accepted contract, its schedule versions and
-- rows, every transaction booked for it, disbursements and withholding (代扣) attempts through the
-- payment channel, and its dated grade history.
--
-- The loan row holds only what changes when something happens to the loan: its status, the
-- sub-ledger balances as last posted (principal outstanding, interest and penalty paid, penalty
-- charged, credit balance), the due date of the oldest installment not fully paid (days past due
-- are derived from it and the business date, never stored) and the grade. Interest earned is
-- derived from the schedule rows, so a quiet day writes no loan row.

create table servicing_loan (
    id                     uuid primary key,
    institution_id         uuid not null references iam_organisation (id),
    branch_id              uuid,
    branch_path            text,
    officer_id             uuid,
    customer_id            uuid not null,
    contract_id            uuid,
    contract_number        text,
    application_id         uuid,
    product_id             uuid not null,
    product_version        integer not null,
    currency               char(3) not null default 'CNY',
    principal              numeric(19, 2) not null check (principal > 0),
    annual_rate_percent    numeric(12, 6) not null,
    currency_digits        smallint not null default 2 check (currency_digits between 0 and 2),
    half_even              boolean not null default true,
    -- the terms and the servicing policy under the conformance field names (calc.LoanTerms, calc.ServicingPolicy)
    terms                  jsonb not null,
    policy                 jsonb not null,
    upfront_fees           numeric(19, 2) not null default 0,
    auto_debit             boolean not null default false,
    status                 text not null check (status in ('PENDING_DISBURSEMENT', 'DISBURSING', 'ACTIVE',
                                                            'OVERDUE', 'PAID_OFF', 'WRITTEN_OFF')),
    disbursement_date      date,
    maturity_date          date,
    schedule_version       integer not null default 1,
    -- sub-ledger balances as posted to the general ledger (every change posts a voucher with it)
    principal_outstanding  numeric(19, 4) not null default 0,
    interest_paid          numeric(19, 4) not null default 0,
    penalty_charged        numeric(19, 4) not null default 0,
    penalty_paid           numeric(19, 4) not null default 0,
    credit_balance         numeric(19, 4) not null default 0,
    -- due date of the oldest installment not fully paid (null: none); overdue when before the business date
    oldest_unpaid_due      date,
    next_due_date          date,
    grade                  text not null default 'NORMAL'
        check (grade in ('NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS')),
    manual_grade           text check (manual_grade in ('NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS')),
    restructured           boolean not null default false,
    watch_until            date,
    -- the business date as of which the balances above were last derived
    position_date          date,
    paid_off_on            date,
    written_off_on         date,
    written_off_principal  numeric(19, 2) not null default 0,
    recovered              numeric(19, 2) not null default 0,
    -- end-of-day partition key, fixed at creation (0..255)
    eod_bucket             smallint not null check (eod_bucket between 0 and 255),
    accepted_at            timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    row_version            integer not null default 0
);
create index servicing_loan_status on servicing_loan (institution_id, status, grade);
create index servicing_loan_customer on servicing_loan (institution_id, customer_id);
create index servicing_loan_unpaid on servicing_loan (institution_id, oldest_unpaid_due)
    where status in ('ACTIVE', 'OVERDUE');
create index servicing_loan_credit on servicing_loan (institution_id) where credit_balance > 0;
select xiaodai_tenant_wall('servicing_loan');

-- One schedule version of a loan (1 at disbursement; prepayment, payoff and restructuring add one).
create table servicing_schedule_version (
    loan_id         uuid not null references servicing_loan (id),
    version         integer not null check (version >= 1),
    institution_id  uuid not null references iam_organisation (id),
    reason          text not null check (reason in ('CONTRACT', 'DISBURSEMENT', 'PREPAYMENT', 'PAYOFF', 'RESTRUCTURING', 'EXTENSION')),
    effective_date  date not null,
    terms           jsonb not null,
    created_at      timestamptz not null,
    primary key (loan_id, version)
);
select xiaodai_tenant_wall('servicing_schedule_version');

-- The rows of a schedule version, with the calculator's keys. Interest accrual is derived from
-- them: on day d the current row (period_start <= d < due_date) earns
-- round(interest * (d + 1 - period_start) / (due_date - period_start)) - the same for d.
create table servicing_schedule_row (
    loan_id         uuid not null,
    version         integer not null,
    n               integer not null check (n >= 1),
    institution_id  uuid not null references iam_organisation (id),
    period_start    date not null,
    due_date        date not null check (due_date > period_start),
    principal       numeric(19, 4) not null,
    interest        numeric(19, 4) not null,
    total           numeric(19, 4) not null,
    balance_after   numeric(19, 4) not null,
    primary key (loan_id, version, n),
    foreign key (loan_id, version) references servicing_schedule_version (loan_id, version)
);
create index servicing_schedule_row_due on servicing_schedule_row (institution_id, due_date);
select xiaodai_tenant_wall('servicing_schedule_row');

-- Every transaction booked for a loan, append-only: disbursement, repayments (with the allocation
-- the engine gave when booked), their reversals, credit refunds, re-allocations after a reversal,
-- write-off and recoveries. A reversal is a new row naming the one it reverses.
create table servicing_transaction (
    id               uuid primary key,
    institution_id   uuid not null references iam_organisation (id),
    loan_id          uuid not null references servicing_loan (id),
    kind             text not null check (kind in ('DISBURSEMENT', 'REPAYMENT', 'REVERSAL', 'REFUND',
                                                   'REALLOCATION', 'CREDIT_APPLIED', 'PENALTY',
                                                   'PREPAYMENT', 'PAYOFF', 'RESTRUCTURING',
                                                   'WRITE_OFF', 'RECOVERY')),
    business_date    date not null,
    amount           numeric(19, 2) not null,
    channel          text check (channel in ('WITHHOLDING', 'TRANSFER', 'CASH', 'MANUAL', 'BANK', 'SYSTEM')),
    idempotency_key  text,
    reverses_id      uuid references servicing_transaction (id),
    penalty          numeric(19, 2) not null default 0,
    interest         numeric(19, 2) not null default 0,
    principal        numeric(19, 2) not null default 0,
    to_credit        numeric(19, 2) not null default 0,
    note             text,
    seq              bigint generated always as identity,
    created_at       timestamptz not null,
    created_by       uuid,
    unique (loan_id, idempotency_key),
    unique (reverses_id)
);
create index servicing_transaction_loan on servicing_transaction (loan_id, seq);
create index servicing_transaction_date on servicing_transaction (institution_id, business_date);
select xiaodai_tenant_wall('servicing_transaction');
revoke update, delete, truncate on servicing_transaction from xiaodai_access;

-- A disbursement order sent to the payment channel: idempotent on its id at the bank, retried on
-- failure, completed by the bank's asynchronous callback.
create table servicing_disbursement (
    id                uuid primary key,
    institution_id    uuid not null references iam_organisation (id),
    loan_id           uuid not null references servicing_loan (id),
    idempotency_key   text not null,
    amount            numeric(19, 2) not null,
    status            text not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    attempts          integer not null default 0,
    bank_reference    text,
    failure_reason    text,
    requested_at      timestamptz not null,
    completed_at      timestamptz,
    requested_by      uuid,
    unique (institution_id, idempotency_key)
);
create unique index servicing_disbursement_live on servicing_disbursement (loan_id) where status <> 'FAILED';
select xiaodai_tenant_wall('servicing_disbursement');

-- A withholding (代扣) attempt on a loan with an auto-debit mandate, at most one per loan and date.
create table servicing_withholding (
    id               uuid primary key,
    institution_id   uuid not null references iam_organisation (id),
    loan_id          uuid not null references servicing_loan (id),
    business_date    date not null,
    amount           numeric(19, 2) not null,
    status           text not null check (status in ('SUCCEEDED', 'FAILED')),
    bank_reference   text,
    failure_reason   text,
    transaction_id   uuid,
    created_at       timestamptz not null,
    unique (loan_id, business_date)
);
select xiaodai_tenant_wall('servicing_withholding');

-- Every grade change, dated (credit reporting needs the change date), with its reason; append-only.
create table servicing_grade_change (
    id              uuid primary key,
    institution_id  uuid not null references iam_organisation (id),
    loan_id         uuid not null references servicing_loan (id),
    changed_on      date not null,
    from_grade      text not null,
    to_grade        text not null,
    reason          text not null check (reason in ('DAYS_PAST_DUE', 'MANUAL', 'RESTRUCTURING', 'WATCH_ENDED', 'REPAYMENT', 'REVERSAL')),
    note            text,
    actor_id        uuid,
    created_at      timestamptz not null
);
create unique index servicing_grade_change_day on servicing_grade_change (loan_id, changed_on, to_grade, reason);
create index servicing_grade_change_loan on servicing_grade_change (loan_id, changed_on);
create index servicing_grade_change_date on servicing_grade_change (institution_id, changed_on);
select xiaodai_tenant_wall('servicing_grade_change');
revoke update, delete, truncate on servicing_grade_change from xiaodai_access;

-- Rounding to the currency as calc does it (HALF_EVEN or HALF_UP), for set-based end-of-day work.
create function servicing_round(v numeric, digits integer, half_even boolean) returns numeric
    language sql immutable parallel safe as $$
    select case
        when half_even and abs(v * power(10::numeric, digits) - trunc(v * power(10::numeric, digits))) = 0.5
            then (trunc(v * power(10::numeric, digits))
                  + case when mod(trunc(v * power(10::numeric, digits)), 2) = 0 then 0 else sign(v) end)
                 / power(10::numeric, digits)
        else round(v, digits)
    end
$$;

-- Interest of a schedule row earned by the start of day x (servicing README §4 accruedInterest:
-- the row's due interest prorated by days over its own period, all of it from its due date on).
create function servicing_earned(interest numeric, period_start date, due_date date, x date, digits integer,
                                 half_even boolean) returns numeric
    language sql immutable parallel safe as $$
    select case
        when x >= due_date then interest
        when x <= period_start then 0
        else servicing_round(interest * (x - period_start) / (due_date - period_start), digits, half_even)
    end
$$;
