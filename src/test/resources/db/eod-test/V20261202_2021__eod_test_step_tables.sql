-- Test-only tables (src/test/resources, on the test profile's Flyway locations) for RowWritingStep, the
-- end-of-day step the runner's tests use: which institutions it works for and how, and what it wrote.
create table eod_test_enrolment (
    institution_id  uuid primary key,
    partitions      int not null,
    items           int not null,
    delay_ms        int not null default 0,
    -- this partition throws while failing is true
    fail_partition  int,
    failing         boolean not null default false
);
select xiaodai_tenant_wall('eod_test_enrolment');

-- deliberately without a unique key: a partition posted twice shows up as duplicate rows
create table eod_test_posting (
    seq             bigserial primary key,
    institution_id  uuid not null,
    business_date   date not null,
    partition       int not null,
    item            int not null,
    worker          text not null
);
select xiaodai_tenant_wall('eod_test_posting');
grant usage, select on all sequences in schema public to xiaodai_access;
