-- The reference version: one counter for the slowly changing data that every transaction of the
-- lending flow reads and that the application keeps in memory across transactions (the business
-- dates, the licence registry). Each write to such a table bumps the counter in the writer's own
-- transaction (a statement trigger), so the new value becomes visible exactly when the change does.
-- Every transaction the application begins reads the counter in its tenant-setting statement (no
-- round trip of its own, shared.tx.ReferenceVersion) and trusts what it keeps only while the counter
-- is the one the value was kept under: a change made by any instance, or by hand, is seen by the
-- next transaction on every instance.
create table platform_reference_version (
    id      boolean primary key default true check (id),
    version bigint not null
);
insert into platform_reference_version (id, version) values (true, 1);
revoke insert, delete, truncate on platform_reference_version from xiaodai_access;

create function xiaodai_reference_version() returns bigint
    language sql stable
as $$ select version from platform_reference_version $$;

create function xiaodai_bump_reference_version() returns trigger
    language plpgsql
as $$
begin
    update platform_reference_version set version = version + 1;
    return null;
end
$$;
