-- End-of-day runs (日终批处理): a run closes an institution's business dates one after the other,
-- from its current date through a target date. Each date is split into the partitions every
-- EndOfDayStep asks for; a partition is claimed with FOR UPDATE SKIP LOCKED by whichever app
-- instance gets it first, and its work and its "done" mark commit in one transaction, so a run that
-- dies midway resumes where it stopped and several instances share one run through this table.

create table eod_run (
    id                  uuid primary key,
    institution_id      uuid not null,
    -- the business date when the run was asked for, and the last date it closes (a target already
    -- behind the business date closes nothing: the run completes at once)
    first_date          date not null,
    through_date        date not null,
    status              text not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    trigger             text not null check (trigger in ('ADMIN', 'SCHEDULE')),
    requested_by        uuid,
    requested_by_name   text,
    started_at          timestamptz not null,
    finished_at         timestamptz,
    error               text
);
-- one running run per institution: a second request while one runs is refused (or skipped by the schedule)
create unique index eod_run_one_running on eod_run (institution_id) where status = 'RUNNING';
create index eod_run_by_institution on eod_run (institution_id, started_at desc);
create index eod_run_running on eod_run (status) where status = 'RUNNING';
select xiaodai_tenant_wall('eod_run');

-- One business date of one institution as end of day sees it: planned (its partitions exist) and closed.
create table eod_day (
    institution_id  uuid not null,
    business_date   date not null,
    run_id          uuid not null references eod_run (id),
    planned_at      timestamptz not null,
    closed_at       timestamptz,
    primary key (institution_id, business_date)
);
select xiaodai_tenant_wall('eod_day');

-- The work queue: one row per step and partition of a day; done_at set in the transaction that did the work.
create table eod_partition (
    institution_id  uuid not null,
    business_date   date not null,
    step            text not null,
    step_order      int not null,
    partition       int not null,
    partitions      int not null check (partitions > 0 and partition >= 0 and partition < partitions),
    items           bigint,
    attempts        int not null default 0,
    error           text,
    worker          text,
    millis          bigint,
    done_at         timestamptz,
    primary key (institution_id, business_date, step, partition),
    foreign key (institution_id, business_date) references eod_day (institution_id, business_date)
);
create index eod_partition_open on eod_partition (institution_id, business_date, step_order) where done_at is null;
select xiaodai_tenant_wall('eod_partition');

-- planned and closed days and processed partitions are history: never deleted by the application
revoke delete, truncate on eod_day, eod_partition from xiaodai_access;

-- which organisations the nightly schedule closes: lenders (the kind comes with InstitutionRegistered;
-- rows opened before this column existed stay null and are closed too, which changes nothing for an
-- organisation without loans)
alter table eod_business_date add column kind text;
