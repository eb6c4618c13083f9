-- The application connects as a role that owns nothing (xiaodai_app, a member of xiaodai_access);
-- these migrations run as the schema owner. docs/operations.md, "Database roles", says who is who.
-- Where a DBA created the roles beforehand this only grants; otherwise the owner creates the two
-- group roles (it needs CREATEROLE for that, which the embedded owner has).
do $$
begin
    if not exists (select from pg_roles where rolname = 'xiaodai_access') then
        create role xiaodai_access nologin;
    end if;
    if not exists (select from pg_roles where rolname = 'xiaodai_region') then
        create role xiaodai_region nologin;
        grant xiaodai_access to xiaodai_region;
    end if;
end
$$;

grant usage on schema public to xiaodai_access;
grant select, insert, update, delete on all tables in schema public to xiaodai_access;
grant usage, select on all sequences in schema public to xiaodai_access;
alter default privileges in schema public grant select, insert, update, delete on tables to xiaodai_access;
alter default privileges in schema public grant usage, select on sequences to xiaodai_access;
-- the application never touches the migration history
revoke all on flyway_schema_history from xiaodai_access;

-- The tenant wall: the one institution a transaction may see, set per transaction by the
-- application (shared.tenant.TenantWall); unset means none. Region-wide work runs as
-- xiaodai_region, whose policies admit every row. Every tenant-owned table gets both policies,
-- enabled and forced (the owner is bound too):
--   create policy tenant_institution on t using (institution_id = xiaodai_current_institution());
--   create policy tenant_region on t to xiaodai_region using (true);
create function xiaodai_current_institution() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('xiaodai.institution_id', true), '')::uuid $$;

-- Spring Modulith's event publication registry (transactional outbox), created here rather than
-- by the application, which may not create tables. Schema v2 of spring-modulith-events-jdbc.
create table if not exists event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
grant select, insert, update, delete on event_publication to xiaodai_access;
