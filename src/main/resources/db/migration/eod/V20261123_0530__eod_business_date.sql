-- The business date (会计日) per institution; advanced only by end of day.
create table eod_business_date (
    institution_id  uuid primary key,
    business_date   date not null,
    updated_at      timestamptz not null
);
