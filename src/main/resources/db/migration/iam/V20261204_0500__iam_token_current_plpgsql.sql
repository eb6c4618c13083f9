-- The bearer-token currency check runs on every API request. As a SQL-language function with a SET
-- clause it cannot be inlined, and PostgreSQL 17 plans a SQL function's statement afresh on every
-- call; as PL/pgSQL its plan is kept for the session. Same signature, owner, grants and answer.
create or replace function iam_token_current(token uuid, holder uuid, holder_security_version integer,
                                             holder_access_version bigint, as_of timestamptz, touch_before timestamptz)
    returns boolean
    language plpgsql stable security definer set search_path = public
as $$
begin
    return exists (select 1 from iam_api_token t join iam_user u on u.id = t.user_id
                   where t.id = token and t.user_id = holder and t.revoked_at is null and t.expires_at > as_of
                     and t.last_used_at >= touch_before
                     and u.enabled and (u.locked_until is null or u.locked_until <= as_of)
                     and u.security_version = holder_security_version)
       and coalesce((select v.version from iam_access_version v), 0) = holder_access_version;
end
$$;
