-- Customers (客户): individuals and enterprises with their personal data encrypted at rest.
-- ID numbers, bank card numbers and mobiles are stored only as AES-GCM ciphertext (`*_cipher`,
-- nonce || ciphertext || tag) with the id of the key that encrypted them beside each value
-- (`*_key_id`), an HMAC-SHA256 blind index for exact lookup (`*_index`) and the masked form that
-- screens show (`*_masked`, DOMAIN.md §8). The plaintext is in no column.
create table customer (
    id                      uuid primary key,
    institution_id          uuid not null references iam_organisation (id),
    kind                    text not null check (kind in ('INDIVIDUAL', 'ENTERPRISE')),
    name                    text not null,
    id_number_cipher        bytea not null,
    id_number_key_id        text not null,
    id_number_index         bytea not null,
    id_number_masked        text not null,
    mobile_cipher           bytea,
    mobile_key_id           text,
    mobile_index            bytea,
    mobile_masked           text,
    bank_card_cipher        bytea,
    bank_card_key_id        text,
    bank_card_masked        text,
    bank_card_luhn_warning  boolean not null default false,
    region_code             text,
    address                 text,
    industry_code           text,
    employer                text,
    monthly_income          numeric(19, 2),
    legal_representative    text,
    registered_capital      numeric(19, 2),
    branch_path             text,
    owner_id                uuid,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 integer not null default 0,
    -- the same ID number twice in one institution is refused (409 naming the existing customer)
    unique (institution_id, id_number_index)
);
create index customer_name on customer (institution_id, name);
create index customer_mobile_index on customer (institution_id, mobile_index);
create index customer_id_number_index on customer (id_number_index);

-- Spouse, shareholder, legal representative, guarantor, same contact phone.
create table customer_related_party (
    id                  uuid primary key,
    institution_id      uuid not null references iam_organisation (id),
    customer_id         uuid not null references customer (id),
    relation            text not null check (relation in ('SPOUSE', 'SHAREHOLDER', 'LEGAL_REPRESENTATIVE', 'GUARANTOR',
                                                          'SAME_CONTACT_PHONE')),
    name                text not null,
    id_number_cipher    bytea,
    id_number_key_id    text,
    id_number_index     bytea,
    id_number_masked    text,
    mobile_cipher       bytea,
    mobile_key_id       text,
    mobile_masked       text,
    related_customer_id uuid references customer (id),
    created_at          timestamptz not null
);
create index customer_related_party_customer on customer_related_party (customer_id);

-- Documents: the bytes are kept in the database; the type is what the bytes are, not what the
-- upload claimed.
create table customer_document (
    id              uuid primary key default gen_random_uuid(),
    institution_id  uuid not null references iam_organisation (id),
    customer_id     uuid not null references customer (id),
    category        text not null check (category in ('ID_IMAGE', 'INCOME_PROOF', 'BUSINESS_LICENCE', 'OTHER')),
    file_name       text not null,
    media_type      text not null,
    size_bytes      integer not null,
    sha256          text not null,
    content         bytea not null,
    created_by      uuid,
    created_at      timestamptz not null
);
create index customer_document_customer on customer_document (customer_id);

-- Separate consents (单独同意) for a credit-bureau query or data sharing: when, through which
-- channel, which version of the text; live while not revoked and not expired.
create table customer_consent (
    id              uuid primary key default gen_random_uuid(),
    institution_id  uuid not null references iam_organisation (id),
    customer_id     uuid not null references customer (id),
    purpose         text not null check (purpose in ('CREDIT_BUREAU_QUERY', 'DATA_SHARING')),
    channel         text not null check (channel in ('BRANCH', 'ONLINE', 'MOBILE_APP', 'PAPER')),
    text_version    text not null,
    granted_at      timestamptz not null,
    expires_at      timestamptz,
    revoked_at      timestamptz,
    created_by      uuid,
    created_at      timestamptz not null
);
create index customer_consent_customer on customer_consent (customer_id, purpose);

-- The regional blacklist: each institution's own entries (who reported, why, the evidence); only
-- the blind index of the ID number is kept, never the number.
create table customer_blacklist_entry (
    id                uuid primary key default gen_random_uuid(),
    institution_id    uuid not null references iam_organisation (id),
    id_number_index   bytea not null,
    id_number_masked  text not null,
    reason            text not null check (reason in ('FRAUD', 'LOAN_DEFAULT', 'IDENTITY_THEFT', 'COURT_ENFORCEMENT',
                                                      'OTHER')),
    evidence          text not null,
    created_by        uuid,
    created_at        timestamptz not null,
    unique (institution_id, id_number_index)
);
create index customer_blacklist_entry_index on customer_blacklist_entry (id_number_index);

alter table customer enable row level security;
alter table customer force row level security;
create policy tenant_institution on customer using (institution_id = xiaodai_current_institution());
create policy tenant_region on customer to xiaodai_region using (true);

alter table customer_related_party enable row level security;
alter table customer_related_party force row level security;
create policy tenant_institution on customer_related_party using (institution_id = xiaodai_current_institution());
create policy tenant_region on customer_related_party to xiaodai_region using (true);

alter table customer_document enable row level security;
alter table customer_document force row level security;
create policy tenant_institution on customer_document using (institution_id = xiaodai_current_institution());
create policy tenant_region on customer_document to xiaodai_region using (true);

alter table customer_consent enable row level security;
alter table customer_consent force row level security;
create policy tenant_institution on customer_consent using (institution_id = xiaodai_current_institution());
create policy tenant_region on customer_consent to xiaodai_region using (true);

alter table customer_blacklist_entry enable row level security;
alter table customer_blacklist_entry force row level security;
create policy tenant_institution on customer_blacklist_entry using (institution_id = xiaodai_current_institution());
create policy tenant_region on customer_blacklist_entry to xiaodai_region using (true);

-- Crossing the tenant wall on purpose, answering hit/miss and nothing else (see iam_username_taken).
-- Is this ID number (its blind index) on any institution's blacklist, and under which reason
-- categories? Never who reported it, when, or the evidence.
create function customer_blacklist_check(candidate bytea) returns table (hit boolean, reasons text[])
    language sql stable security definer set search_path = public
    as $$ select count(*) > 0, coalesce(array_agg(distinct reason order by reason), '{}')
          from customer_blacklist_entry where id_number_index = candidate $$;
revoke all on function customer_blacklist_check(bytea) from public;
grant execute on function customer_blacklist_check(bytea) to xiaodai_access;

-- Duplicate and multi-lending detection (撞单 / 多头借贷): how many other institutions of the
-- region hold this ID number (its blind index) as a customer — a count, never which ones.
-- "Other" is relative to the transaction's own tenant setting, so a caller cannot ask on behalf
-- of another institution. Applications and active loans join the count when their modules land.
create function customer_institutions_elsewhere(candidate bytea) returns integer
    language sql stable security definer set search_path = public
    as $$ select count(distinct institution_id)::integer from customer
          where id_number_index = candidate
            and institution_id is distinct from xiaodai_current_institution() $$;
revoke all on function customer_institutions_elsewhere(bytea) from public;
grant execute on function customer_institutions_elsewhere(bytea) to xiaodai_access;
