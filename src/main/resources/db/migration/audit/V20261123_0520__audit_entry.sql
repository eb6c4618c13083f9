-- Append-only, hash-chained audit trail.
create table audit_entry (
    seq             bigint generated always as identity primary key,
    id              uuid not null unique default gen_random_uuid(),
    occurred_at     timestamptz not null,
    actor_id        uuid,
    actor_name      text not null,
    organisation_id uuid,
    client_address  text,
    action          text not null,
    entity_type     text not null,
    entity_id       text,
    institution_id  uuid,
    before_state    text,
    after_state     text,
    prev_hash       char(64) not null,
    hash            char(64) not null
);
create index audit_entry_institution on audit_entry (institution_id, seq desc);

-- Nobody, the application included, may change or remove an entry. (A superuser can still
-- bypass triggers; that is what the hash chain is for.)
create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- Where the application connects as a dedicated role (external database), take the rights away too.
revoke update, delete, truncate on audit_entry from public;
