-- One call puts a tenant-owned table behind the tenant wall, exactly as every table so far was put
-- there by hand: row-level security enabled and forced (also for the owner), the institution
-- policy against the per-transaction setting, and the region-wide policy for xiaodai_region.
-- New modules write `select xiaodai_tenant_wall('my_table');` after `create table my_table (…
-- institution_id uuid not null …)` instead of repeating four statements per table;
-- TenantWallIntegrationTest still checks every table with an institution_id column.
create function xiaodai_tenant_wall(target regclass) returns void
    language plpgsql
as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('create policy tenant_institution on %s using (institution_id = xiaodai_current_institution())', target);
    execute format('create policy tenant_region on %s to xiaodai_region using (true)', target);
end
$$;
revoke all on function xiaodai_tenant_wall(regclass) from public;
