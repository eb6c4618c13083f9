-- The database roles of Xiaodai (docs/operations.md, "Database roles"). Run once as a superuser
-- (or a role with CREATEROLE) in the application's database; the embedded PostgreSQL runs it at
-- every start. Replace the two password placeholders when running it by hand. Idempotent.
--
--   xiaodai_owner   LOGIN   owns the schema and every table; Flyway migrates as this role
--   xiaodai_access  NOLOGIN holds the application's table privileges (granted by the migrations)
--   xiaodai_region  NOLOGIN the region-wide tenant setting: row-level policies let it see every
--                           institution (platform operator, regulator, system work such as login)
--   xiaodai_app     LOGIN   the application's connection: owns nothing, not superuser, no BYPASSRLS;
--                           may SET ROLE xiaodai_region but does not inherit its rows
do $$
begin
    if not exists (select from pg_roles where rolname = 'xiaodai_owner') then
        create role xiaodai_owner login;
    end if;
    if not exists (select from pg_roles where rolname = 'xiaodai_access') then
        create role xiaodai_access nologin;
    end if;
    if not exists (select from pg_roles where rolname = 'xiaodai_region') then
        create role xiaodai_region nologin;
    end if;
    if not exists (select from pg_roles where rolname = 'xiaodai_app') then
        create role xiaodai_app login;
    end if;
end
$$;
alter role xiaodai_owner login nosuperuser createrole nocreatedb bypassrls password '${ownerPassword}';
alter role xiaodai_app login nosuperuser nocreaterole nocreatedb nobypassrls password '${appPassword}';
alter role xiaodai_access nologin nosuperuser nobypassrls;
alter role xiaodai_region nologin nosuperuser nobypassrls;
grant xiaodai_access to xiaodai_region with inherit true;
grant xiaodai_access to xiaodai_app with inherit true;
grant xiaodai_region to xiaodai_app with inherit false, set true;
