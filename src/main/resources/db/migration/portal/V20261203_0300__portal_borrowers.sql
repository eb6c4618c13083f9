-- The borrower portal (借款人自助): borrowers sign in with their mobile and see the customer records
-- that carry that mobile and their ID number, in every institution where they are a customer.

-- A borrower is a person, not a tenant's record: one row per mobile across the region. It holds
-- no plain personal data: the mobile as a salted SHA-256 (for sign-in) and masked (for screens).
create table portal_borrower (
    id              uuid primary key,
    mobile_hash     text not null unique,
    mobile_masked   text not null,
    display_name    text not null,
    password_hash   text not null,
    language        text not null default 'zh' check (language in ('zh', 'en')),
    failed_logins   integer not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null
);
-- the application never removes a borrower (retention, DOMAIN.md §8)
revoke delete, truncate on portal_borrower from xiaodai_access;

-- Portal API tokens (Bearer xdp_…), stored as SHA-256 only.
create table portal_token (
    token_hash      text primary key,
    borrower_id     uuid not null references portal_borrower (id),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    revoked_at      timestamptz
);
create index portal_token_borrower on portal_token (borrower_id);
revoke delete, truncate on portal_token from xiaodai_access;

-- Which customer record of an institution a borrower is: tenant-owned, behind the wall.
create table portal_link (
    institution_id  uuid not null references iam_organisation (id),
    customer_id     uuid not null,
    borrower_id     uuid not null references portal_borrower (id),
    created_at      timestamptz not null,
    primary key (institution_id, customer_id)
);
create index portal_link_borrower on portal_link (borrower_id);
select xiaodai_tenant_wall('portal_link');
revoke update, delete, truncate on portal_link from xiaodai_access;

-- The one crossing of the wall the portal needs: the institutions (and customer ids there) of the
-- signed-in borrower, and nothing about anybody else. The portal then works inside each of those
-- institutions' walls in turn.
create function portal_borrower_links(borrower uuid) returns table (institution_id uuid, customer_id uuid)
    language sql stable security definer set search_path = public
    as $$ select l.institution_id, l.customer_id from portal_link l where l.borrower_id = borrower
          order by l.created_at, l.institution_id $$;
revoke all on function portal_borrower_links(uuid) from public;
grant execute on function portal_borrower_links(uuid) to xiaodai_access;
