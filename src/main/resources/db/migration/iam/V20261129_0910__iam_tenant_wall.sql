-- Row-level security for identity and access (see platform/V20261129_0900 for the pattern).
-- Tokens and role grants carry their institution too, so every tenant-owned row has one.
alter table iam_api_token add column institution_id uuid references iam_organisation (id);
update iam_api_token t set institution_id = u.institution_id from iam_user u where u.id = t.user_id;
alter table iam_api_token alter column institution_id set not null;

alter table iam_user_role add column institution_id uuid references iam_organisation (id);
update iam_user_role r set institution_id = u.institution_id from iam_user u where u.id = r.user_id;
alter table iam_user_role alter column institution_id set not null;

-- An organisation row is its own tenant: an institution sees itself only.
alter table iam_organisation enable row level security;
alter table iam_organisation force row level security;
create policy tenant_institution on iam_organisation using (id = xiaodai_current_institution());
create policy tenant_region on iam_organisation to xiaodai_region using (true);

alter table iam_branch enable row level security;
alter table iam_branch force row level security;
create policy tenant_institution on iam_branch using (institution_id = xiaodai_current_institution());
create policy tenant_region on iam_branch to xiaodai_region using (true);

alter table iam_user enable row level security;
alter table iam_user force row level security;
create policy tenant_institution on iam_user using (institution_id = xiaodai_current_institution());
create policy tenant_region on iam_user to xiaodai_region using (true);

-- Built-in roles (institution_id null) are readable by everyone and written only region-wide.
alter table iam_role enable row level security;
alter table iam_role force row level security;
create policy tenant_institution on iam_role
    using (institution_id is null or institution_id = xiaodai_current_institution())
    with check (institution_id = xiaodai_current_institution());
create policy tenant_region on iam_role to xiaodai_region using (true);

-- A role's permissions are visible exactly when the role is.
alter table iam_role_permission enable row level security;
alter table iam_role_permission force row level security;
create policy tenant_institution on iam_role_permission
    using (exists (select from iam_role r where r.id = role_id))
    with check (exists (select from iam_role r where r.id = role_id and r.institution_id is not null));
create policy tenant_region on iam_role_permission to xiaodai_region using (true);

alter table iam_user_role enable row level security;
alter table iam_user_role force row level security;
create policy tenant_institution on iam_user_role using (institution_id = xiaodai_current_institution());
create policy tenant_region on iam_user_role to xiaodai_region using (true);

alter table iam_api_token enable row level security;
alter table iam_api_token force row level security;
create policy tenant_institution on iam_api_token using (institution_id = xiaodai_current_institution());
create policy tenant_region on iam_api_token to xiaodai_region using (true);

alter table iam_change_request enable row level security;
alter table iam_change_request force row level security;
create policy tenant_institution on iam_change_request using (institution_id = xiaodai_current_institution());
create policy tenant_region on iam_change_request to xiaodai_region using (true);

-- Bumped when a password is changed or reset, the user is disabled or loses a role: a session
-- signed in under an older version ends at its next request (API tokens are revoked outright).
alter table iam_user add column security_version integer not null default 0;

-- Usernames are unique in the whole region, so "is this name taken?" crosses tenants. It is
-- answered hit/miss by a narrow function that runs as the schema owner (which bypasses row-level
-- security) and returns nothing else: the pattern for every cross-tenant check (blacklist hits,
-- duplicate applications).
create function iam_username_taken(candidate text) returns boolean
    language sql stable security definer set search_path = public
    as $$ select exists (select from iam_user where username = candidate) $$;
revoke all on function iam_username_taken(text) from public;
grant execute on function iam_username_taken(text) to xiaodai_access;
