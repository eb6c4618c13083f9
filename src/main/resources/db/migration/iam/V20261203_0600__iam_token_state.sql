-- The bearer-token check folded into the request's first transaction (issue: API hot path). A cached
-- principal is no longer checked in a round trip of its own before the request: the statement that
-- begins the request's first transaction (the tenant setting) also asks iam_token_state, and
--   0  the token and everything its principal was made of are as they were: go on;
--   1  the token is good but something a principal is made of changed since (the access version
--      moved: grants, role permissions, roles, branches, scopes), or its last use is recorded more
--      than a minute ago: the request goes on, as one already running when the change was made
--      would, and the cached principal is dropped, so the next request is authorised afresh (and
--      writes last_used_at);
--   2  the token is revoked or expired, or its user disabled, locked or at another security version
--      (password changed or reset, a role revoked): the transaction does not begin and the request
--      is answered 401, so such a token is refused at the very next request on every instance.
-- Primary-key reads only, like iam_token_current, which stays for requests that check on their own.
create function iam_token_state(token uuid, holder uuid, holder_security_version integer,
                                holder_access_version bigint, as_of timestamptz,
                                touch_before timestamptz)
    returns smallint
    language sql stable security definer set search_path = public
as $$
    select case
        when not exists (select 1 from iam_api_token t join iam_user u on u.id = t.user_id
                         where t.id = token and t.user_id = holder and t.revoked_at is null and t.expires_at > as_of
                           and u.enabled and (u.locked_until is null or u.locked_until <= as_of)
                           and u.security_version = holder_security_version) then 2
        when coalesce((select v.version from iam_access_version v), 0) <> holder_access_version
          or not exists (select 1 from iam_api_token t where t.id = token and t.last_used_at >= touch_before) then 1
        else 0 end::smallint
$$;
revoke all on function iam_token_state(uuid, uuid, integer, bigint, timestamptz, timestamptz) from public;
grant execute on function iam_token_state(uuid, uuid, integer, bigint, timestamptz, timestamptz) to xiaodai_access;
