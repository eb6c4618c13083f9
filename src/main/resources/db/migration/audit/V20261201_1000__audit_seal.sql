-- The audit chain moves out of the entry rows into an insert-only seal table, so that recording an
-- entry is a plain INSERT inside the business transaction (no lock, no read of the last hash) and
-- one sealer chains committed entries afterwards (audit.internal.AuditSealer explains the order).

-- The writing transaction's id: the sealer's watermark (entries of transactions older than every
-- running one are all sealed). Rows from before this migration get 0 and are sealed below.
alter table audit_entry add column xid xid8 not null default '0';
alter table audit_entry alter column xid set default pg_current_xact_id();
create index audit_entry_xid on audit_entry (xid);

-- One row per sealed entry, in chain order (position 1, 2, 3, … without gaps, assigned by the one
-- sealer at work): hash = SHA-256(prev_hash + the entry's canonical content).
-- No foreign key: its KEY SHARE lock would rewrite every entry row once more; verification names a
-- seal whose entry is gone (entryMissing).
create table audit_seal (
    position     bigint primary key,
    entry_seq    bigint not null unique,
    entry_id     uuid not null,
    prev_hash    char(64) not null,
    hash         char(64) not null,
    -- every entry written by a transaction with a smaller id was sealed by this seal's round
    sealed_below xid8 not null,
    sealed_at    timestamptz not null
);

-- Entries chained before this migration keep their chain: same order (seq), same hashes. The
-- owner reads them past the tenant wall (without FORCE it is not bound by its own table's policies).
alter table audit_entry no force row level security;
insert into audit_seal (position, entry_seq, entry_id, prev_hash, hash, sealed_below, sealed_at)
    select row_number() over (order by seq), seq, id, prev_hash, hash, pg_snapshot_xmin(pg_current_snapshot()),
           occurred_at
    from audit_entry;
alter table audit_entry force row level security;
alter table audit_entry drop column prev_hash, drop column hash;

-- Append-only like the entries, for everyone; a superuser who disables triggers is caught by the hashes.
create function audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_seal_no_update before update or delete on audit_seal
    for each row execute function audit_is_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_is_append_only();
revoke update, delete, truncate on audit_seal from public, xiaodai_access;

-- The chain spans every institution, so only region-wide work (the sealer, verification) reads or
-- writes it; a transaction working for one institution sees no seals and cannot add one.
alter table audit_seal enable row level security;
alter table audit_seal force row level security;
create policy tenant_region on audit_seal to xiaodai_region using (true);
