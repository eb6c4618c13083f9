-- Supervision (监管): the institution registry, indicator history, complaints and inspections.
-- The regulator writes these (region-wide transactions, role xiaodai_region); an institution reads
-- what concerns it and writes only its own answers (complaint responses, rectification reports).

-- The licence register (机构名录), one row per version: every change is a new row with the date it
-- takes effect, so "the net assets on 2026-03-01" and "who suspended the licence when" stay answerable.
-- Institutions read their own versions and write none (no insert policy for them); rows never change.
create table supervision_registry (
    id                   uuid primary key,
    institution_id       uuid not null,
    version              integer not null,
    effective_from       date not null,
    licence_number       text not null,
    licensed_region      text not null,
    business_scope       text[] not null,
    online_lending       boolean not null,
    registered_capital   numeric(19, 2) not null check (registered_capital >= 0),
    net_assets           numeric(19, 2) not null,
    net_assets_year      integer not null,
    bank_loans           numeric(19, 2) not null check (bank_loans >= 0),
    shareholder_loans    numeric(19, 2) not null check (shareholder_loans >= 0),
    bonds                numeric(19, 2) not null check (bonds >= 0),
    asset_backed         numeric(19, 2) not null check (asset_backed >= 0),
    status               text not null check (status in ('ACTIVE', 'SUSPENDED', 'REVOKED')),
    contact_name         text,
    contact_phone        text,
    contact_email        text,
    reason               text,
    changed_by           uuid,
    changed_by_name      text not null,
    changed_at           timestamptz not null,
    unique (institution_id, version)
);
create index supervision_registry_effective on supervision_registry (institution_id, effective_from desc, version desc);
alter table supervision_registry enable row level security;
alter table supervision_registry force row level security;
create policy tenant_institution on supervision_registry for select using (institution_id = xiaodai_current_institution());
create policy tenant_region on supervision_registry to xiaodai_region using (true);
revoke update, delete, truncate on supervision_registry from xiaodai_access;

-- Daily indicator history per institution (top-10 exposure, leverage, NPL ratio, …): computed at each
-- institution's end of day once loans exist; empty until then. Institutions read their own.
create table supervision_indicator (
    id              uuid primary key,
    institution_id  uuid not null,
    as_of           date not null,
    indicator       text not null,
    value           numeric(19, 6),
    numerator       numeric(19, 4),
    denominator     numeric(19, 4),
    computed_at     timestamptz not null,
    unique (institution_id, as_of, indicator)
);
select xiaodai_tenant_wall('supervision_indicator');

-- Complaints (投诉): registered by the regulator or by a borrower, routed to the institution with a
-- response deadline; the institution responds, then the complaint is resolved.
create table supervision_complaint (
    id                  uuid primary key,
    institution_id      uuid not null,
    reference           text not null unique,
    channel             text not null check (channel in ('REGULATOR', 'BORROWER')),
    category            text not null check (category in ('RATE_AND_FEES', 'COLLECTION_CONDUCT', 'PERSONAL_INFORMATION',
                                                          'CONTRACT_TERMS', 'SERVICE', 'OTHER')),
    subject             text not null,
    description         text not null,
    complainant_name    text not null,
    filed_by            uuid not null,
    filed_by_name       text not null,
    filed_at            timestamptz not null,
    filed_on            date not null,
    response_due        date not null,
    status              text not null check (status in ('ROUTED', 'RESPONDED', 'RESOLVED')),
    response            text,
    responded_by_name   text,
    responded_at        timestamptz,
    responded_on        date,
    outcome             text check (outcome in ('UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD', 'WITHDRAWN')),
    resolution          text,
    resolved_by_name    text,
    resolved_at         timestamptz,
    version             integer not null default 0
);
create index supervision_complaint_institution on supervision_complaint (institution_id, filed_at desc);
create index supervision_complaint_open on supervision_complaint (institution_id, response_due) where status = 'ROUTED';
select xiaodai_tenant_wall('supervision_complaint');

-- What happened to a complaint, in order (append-only).
create table supervision_complaint_event (
    id              uuid primary key,
    institution_id  uuid not null,
    complaint_id    uuid not null references supervision_complaint (id),
    action          text not null,
    note            text,
    actor_id        uuid,
    actor_name      text not null,
    at              timestamptz not null
);
create index supervision_complaint_event_complaint on supervision_complaint_event (complaint_id, at);
select xiaodai_tenant_wall('supervision_complaint_event');
revoke update, delete, truncate on supervision_complaint_event from xiaodai_access;

-- Inspections (现场检查 / 非现场检查) with findings, rectification deadlines and follow-up.
create table supervision_inspection (
    id               uuid primary key,
    institution_id   uuid not null,
    reference        text not null unique,
    kind             text not null check (kind in ('ON_SITE', 'OFF_SITE')),
    title            text not null,
    scope_note       text,
    started_on       date not null,
    ended_on         date,
    status           text not null check (status in ('OPEN', 'RECTIFYING', 'CLOSED')),
    created_by_name  text not null,
    created_at       timestamptz not null,
    version          integer not null default 0
);
create index supervision_inspection_institution on supervision_inspection (institution_id, started_on desc);
select xiaodai_tenant_wall('supervision_inspection');

create table supervision_finding (
    id                  uuid primary key,
    institution_id      uuid not null,
    inspection_id       uuid not null references supervision_inspection (id),
    number              integer not null,
    severity            text not null check (severity in ('LOW', 'MEDIUM', 'HIGH')),
    description         text not null,
    rectification_due   date not null,
    status              text not null check (status in ('OPEN', 'REPORTED', 'VERIFIED')),
    rectification_note  text,
    reported_at         timestamptz,
    verified_at         timestamptz,
    created_at          timestamptz not null,
    version             integer not null default 0,
    unique (inspection_id, number)
);
select xiaodai_tenant_wall('supervision_finding');

create table supervision_inspection_event (
    id              uuid primary key,
    institution_id  uuid not null,
    inspection_id   uuid not null references supervision_inspection (id),
    finding_id      uuid references supervision_finding (id),
    action          text not null,
    note            text,
    actor_id        uuid,
    actor_name      text not null,
    at              timestamptz not null
);
create index supervision_inspection_event_inspection on supervision_inspection_event (inspection_id, at);
select xiaodai_tenant_wall('supervision_inspection_event');
revoke update, delete, truncate on supervision_inspection_event from xiaodai_access;
