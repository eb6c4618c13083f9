-- The bearer-token hot path with a principal cache (issue: API hot path). An instance may keep the
-- principal a token resolved to; every request asks the database, in one small autocommit call,
-- whether it is still current (iam_token_current below), and resolves the token afresh when not:
--   * the token is still unrevoked and unexpired, its user enabled, unlocked and at the same
--     security version (a password change or reset, a disable or a lost role bumps it);
--   * the region's access version is the one the principal was read at: any change to what a
--     principal is made of (role permissions, role grants, roles, branch paths, organisation kinds,
--     a user's name, branch, scope or password flags) bumps it, by trigger, so no code path can
--     forget to;
--   * the token was used within the last minute (so last_used_at, written by iam_token_holder,
--     stays accurate to a minute).
-- The check reads primary-key rows only (~20 µs) where resolving reads and aggregates the
-- permissions (~260 µs). Because it runs on every request against the current rows, a revocation
-- or a change of grants made on any instance holds at the very next request on every instance.

create table iam_access_version (
    singleton  boolean primary key default true check (singleton),
    version    bigint not null
);
-- no row until the first change (version 0), so a new database holds no data (restore checks that)
-- read only through the security-definer functions below; written only by the triggers
revoke all on iam_access_version from public;

create function iam_bump_access_version() returns trigger
    language plpgsql security definer set search_path = public
as $$
begin
    insert into iam_access_version as v values (true, 1)
    on conflict (singleton) do update set version = v.version + 1;
    return null;
end
$$;
revoke all on function iam_bump_access_version() from public;

create trigger iam_role_permission_access after insert or update or delete or truncate on iam_role_permission
    for each statement execute function iam_bump_access_version();
create trigger iam_user_role_access after insert or update or delete or truncate on iam_user_role
    for each statement execute function iam_bump_access_version();
create trigger iam_role_access after update or delete on iam_role
    for each statement execute function iam_bump_access_version();
create trigger iam_branch_access after update on iam_branch
    for each statement execute function iam_bump_access_version();
create trigger iam_organisation_access after update on iam_organisation
    for each statement execute function iam_bump_access_version();
-- not for login bookkeeping (failed attempts, lock, last password change): those are read afresh
create trigger iam_user_access after update on iam_user for each row
    when (old.username is distinct from new.username or old.display_name is distinct from new.display_name
          or old.institution_id is distinct from new.institution_id or old.branch_id is distinct from new.branch_id
          or old.data_scope is distinct from new.data_scope or old.must_change_password is distinct from new.must_change_password
          or old.enabled is distinct from new.enabled or old.password_hash is distinct from new.password_hash)
    execute function iam_bump_access_version();

-- The resolving call now also answers the token's id and the access version it read, in the same
-- snapshot as the permissions, so the cached principal and its version always belong together.
drop function iam_token_holder(text, timestamptz, timestamptz);
create function iam_token_holder(candidate_hash text, as_of timestamptz, touch_before timestamptz)
    returns table (id uuid, institution_id uuid, branch_id uuid, username text, display_name text,
                   password_hash text, must_change_password boolean, data_scope text, enabled boolean,
                   failed_attempts integer, locked_until timestamptz, security_version integer,
                   kind text, branch_path text, permissions text[], token_id uuid, access_version bigint)
    language plpgsql volatile security definer set search_path = public
as $$
#variable_conflict use_column
declare
    found_token uuid;
    holder uuid;
    last_used timestamptz;
begin
    select t.id, t.user_id, t.last_used_at into found_token, holder, last_used
    from iam_api_token t
    where t.token_hash = candidate_hash and t.revoked_at is null and t.expires_at > as_of;
    if found_token is null then
        return;
    end if;
    if last_used is null or last_used < touch_before then
        update iam_api_token t set last_used_at = as_of
        where t.id = (select s.id from iam_api_token s where s.id = found_token for update skip locked);
    end if;
    return query
        select u.id, u.institution_id, u.branch_id, u.username, u.display_name, u.password_hash,
               u.must_change_password, u.data_scope, u.enabled, u.failed_attempts, u.locked_until,
               u.security_version, o.kind,
               (select b.path from iam_branch b where b.id = u.branch_id),
               array(select rp.permission from iam_user_role ur
                     join iam_role_permission rp on rp.role_id = ur.role_id where ur.user_id = u.id),
               found_token, coalesce((select v.version from iam_access_version v), 0)
        from iam_user u join iam_organisation o on o.id = u.institution_id
        where u.id = holder and u.enabled and (u.locked_until is null or u.locked_until <= as_of);
end
$$;
revoke all on function iam_token_holder(text, timestamptz, timestamptz) from public;
grant execute on function iam_token_holder(text, timestamptz, timestamptz) to xiaodai_access;

-- Whether a cached principal is still current: true while the token and everything its principal was
-- made of are as they were when it was read, and the token's last use is recorded within the minute.
create function iam_token_current(token uuid, holder uuid, holder_security_version integer,
                                  holder_access_version bigint, as_of timestamptz, touch_before timestamptz)
    returns boolean
    language sql stable security definer set search_path = public
as $$
    select exists (select 1 from iam_api_token t join iam_user u on u.id = t.user_id
                   where t.id = token and t.user_id = holder and t.revoked_at is null and t.expires_at > as_of
                     and t.last_used_at >= touch_before
                     and u.enabled and (u.locked_until is null or u.locked_until <= as_of)
                     and u.security_version = holder_security_version)
       and coalesce((select v.version from iam_access_version v), 0) = holder_access_version
$$;
revoke all on function iam_token_current(uuid, uuid, integer, bigint, timestamptz, timestamptz) from public;
grant execute on function iam_token_current(uuid, uuid, integer, bigint, timestamptz, timestamptz) to xiaodai_access;
