-- Identity and access: organisations (platform operator, regulator, lending institutions = tenants),
-- branch trees, users, roles, permissions, API tokens, maker-checker change requests.

create table iam_organisation (
    id            uuid primary key default gen_random_uuid(),
    kind          text not null check (kind in ('PLATFORM', 'REGULATOR', 'LENDER')),
    code          text not null unique,
    name          text not null,
    uscc          text,
    region_code   text not null,
    status        text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    created_at    timestamptz not null,
    version       integer not null default 0
);

-- The branch tree of an institution. path = '/<root id>/.../<own id>/' so a subtree is a prefix match.
create table iam_branch (
    id              uuid primary key default gen_random_uuid(),
    institution_id  uuid not null references iam_organisation (id),
    parent_id       uuid references iam_branch (id),
    code            text not null,
    name            text not null,
    path            text not null,
    created_at      timestamptz not null,
    unique (institution_id, code)
);
create index iam_branch_path on iam_branch (institution_id, path text_pattern_ops);

create table iam_user (
    id                    uuid primary key default gen_random_uuid(),
    institution_id        uuid not null references iam_organisation (id),
    branch_id             uuid references iam_branch (id),
    username              text not null unique,
    display_name          text not null,
    password_hash         text not null,
    must_change_password  boolean not null default true,
    data_scope            text not null check (data_scope in ('ALL', 'REGION', 'INSTITUTION', 'BRANCH', 'OWN')),
    enabled               boolean not null default true,
    failed_attempts       integer not null default 0,
    locked_until          timestamptz,
    password_changed_at   timestamptz,
    created_at            timestamptz not null,
    version               integer not null default 0
);
create index iam_user_institution on iam_user (institution_id);

-- Built-in roles have institution_id null and built_in = true; custom roles belong to one institution.
create table iam_role (
    id              uuid primary key default gen_random_uuid(),
    institution_id  uuid references iam_organisation (id),
    code            text not null,
    name            text not null,
    built_in        boolean not null default false,
    created_at      timestamptz not null
);
create unique index iam_role_code on iam_role (coalesce(institution_id, '00000000-0000-0000-0000-000000000000'::uuid), code);

create table iam_role_permission (
    role_id     uuid not null references iam_role (id) on delete cascade,
    permission  text not null,
    primary key (role_id, permission)
);

create table iam_user_role (
    user_id     uuid not null references iam_user (id),
    role_id     uuid not null references iam_role (id),
    granted_at  timestamptz not null,
    granted_by  uuid references iam_user (id),
    approved_by uuid references iam_user (id),
    primary key (user_id, role_id)
);

create table iam_api_token (
    id           uuid primary key default gen_random_uuid(),
    user_id      uuid not null references iam_user (id),
    token_hash   text not null unique,
    name         text not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index iam_api_token_user on iam_api_token (user_id);

-- Maker-checker: a change waits here until a second user approves or rejects it.
create table iam_change_request (
    id              uuid primary key default gen_random_uuid(),
    institution_id  uuid not null references iam_organisation (id),
    kind            text not null,
    summary         text not null,
    payload         jsonb not null,
    status          text not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by    uuid not null references iam_user (id),
    requested_at    timestamptz not null,
    decided_by      uuid references iam_user (id),
    decided_at      timestamptz,
    decision_note   text,
    version         integer not null default 0
);
create index iam_change_request_pending on iam_change_request (institution_id, status);
