-- The overdue rate of each segment of an institution's book (the borrower's region, GB/T 2260, and
-- industry section, GB/T 4754) per closed business date, computed by risk at end of day: the history
-- the overdue-spike rule (indicator overdue-rate-spike) compares today's rate with (its 30-day mean).
-- Computing a date again replaces its rows.
create table risk_segment_rate (
    institution_id     uuid not null,
    as_of              date not null,
    segment            text not null,
    principal          numeric(19, 4) not null,
    overdue_principal  numeric(19, 4) not null,
    rate               numeric(19, 6) not null,
    primary key (institution_id, segment, as_of)
);
select xiaodai_tenant_wall('risk_segment_rate');
