-- Automatic assignment of approval tasks (round-robin or by load, per level in the authority matrix):
-- how the current assignee got the task (null: claimed by hand or unassigned) and when.
alter table approval_task add column assigned_by text check (assigned_by in ('ROUND_ROBIN', 'BY_LOAD'));
alter table approval_task add column assigned_at timestamptz;
create index approval_task_assigned on approval_task (institution_id, level, assigned_at desc) where assigned_by is not null;
create index approval_task_load on approval_task (institution_id, assignee_id) where status = 'OPEN';
