-- The authority matrix (审批权限矩阵): rules as data, versioned. A save writes a new version; the
-- newest is in force; old versions stay for the decisions taken under them.
create table approval_matrix (
    id               uuid primary key,
    institution_id   uuid not null references iam_organisation (id),
    version          integer not null,
    rules            jsonb not null,
    created_by       uuid,
    created_at       timestamptz not null,
    unique (institution_id, version)
);
select xiaodai_tenant_wall('approval_matrix');
revoke update, delete, truncate on approval_matrix from xiaodai_access;

-- One approval case per submission round of an application: the route the matrix chose and a
-- snapshot of what the reviewers see (so approval does not read origination's tables).
create table approval_case (
    id                 uuid primary key,
    institution_id     uuid not null references iam_organisation (id),
    application_id     uuid not null,
    round              integer not null,
    matrix_version     integer not null,
    rule_index         integer not null,
    route              text not null check (route in ('AUTO_APPROVE', 'AUTO_DECLINE', 'L1', 'L1_L2', 'COMMITTEE')),
    committee_votes    integer,
    committee_size     integer,
    status             text not null check (status in ('OPEN', 'APPROVED', 'DECLINED', 'RETURNED', 'CANCELLED')),
    maker_id           uuid not null,
    branch_path        text,
    snapshot           jsonb not null,
    submitted_at       timestamptz not null,
    decided_at         timestamptz,
    unique (application_id, round)
);
create index approval_case_application on approval_case (application_id);
select xiaodai_tenant_wall('approval_case');

-- Work items of a case per level (初审 L1, 终审 L2, committee). Pool = the branch subtree of the
-- application; a reviewer claims and releases; due_at is the level's SLA.
create table approval_task (
    id               uuid primary key,
    institution_id   uuid not null references iam_organisation (id),
    case_id          uuid not null references approval_case (id),
    application_id   uuid not null,
    level            text not null check (level in ('L1', 'L2', 'COMMITTEE')),
    status           text not null check (status in ('OPEN', 'DONE', 'CANCELLED')),
    branch_path      text,
    assignee_id      uuid,
    created_at       timestamptz not null,
    due_at           timestamptz not null,
    escalated_at     timestamptz,
    done_at          timestamptz
);
create index approval_task_queue on approval_task (institution_id, status, level, due_at);
create index approval_task_case on approval_task (case_id);
select xiaodai_tenant_wall('approval_task');

-- Decisions: never edited, never deleted (append-only by grants). Automatic decisions have no decider.
create table approval_decision (
    id                 uuid primary key,
    institution_id     uuid not null references iam_organisation (id),
    case_id            uuid not null references approval_case (id),
    application_id     uuid not null,
    level              text not null check (level in ('AUTO', 'L1', 'L2', 'COMMITTEE')),
    decision           text not null check (decision in ('APPROVE', 'DECLINE', 'RETURN')),
    comment            text not null,
    reasons            jsonb not null default '[]',
    approved_amount    numeric(19, 2),
    approved_rate_percent numeric(9, 4),
    conditions         text,
    decided_by         uuid,
    decided_by_name    text,
    decided_at         timestamptz not null
);
create index approval_decision_application on approval_decision (application_id, decided_at);
select xiaodai_tenant_wall('approval_decision');
revoke update, delete, truncate on approval_decision from xiaodai_access;
