-- Row-level security for business dates.
alter table eod_business_date enable row level security;
alter table eod_business_date force row level security;
create policy tenant_institution on eod_business_date using (institution_id = xiaodai_current_institution());
create policy tenant_region on eod_business_date to xiaodai_region using (true);
