-- The audit page filters and pages over the whole trail: by time, actor, action and object, newest
-- first. Each index ends in seq so a filtered page is read in order without a sort.
create index audit_entry_occurred_at on audit_entry (occurred_at);
create index audit_entry_actor on audit_entry (lower(actor_name), seq desc);
create index audit_entry_action on audit_entry (action, seq desc);
create index audit_entry_entity on audit_entry (entity_id, seq desc);
