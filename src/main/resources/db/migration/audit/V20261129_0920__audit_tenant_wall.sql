-- Row-level security for the audit trail: an institution reads its own entries; entries about no
-- institution (platform work) are readable region-wide only. Appending stays INSERT/SELECT only.
revoke update, delete, truncate on audit_entry from xiaodai_access;
alter table audit_entry enable row level security;
alter table audit_entry force row level security;
create policy tenant_institution on audit_entry
    using (institution_id = xiaodai_current_institution())
    with check (institution_id is null or institution_id = xiaodai_current_institution());
create policy tenant_region on audit_entry to xiaodai_region using (true);
