-- Early warning (风险预警): rules as data, alerts with their lifecycle, and the in-app inbox.

-- A rule, one row per version: the indicator it watches, the comparison and threshold, the severity
-- of the alert it raises, whom it applies to (every institution, or one) and the date it takes
-- effect. Region-wide reference data like the LPR table: everybody reads it, only region-wide
-- transactions (the regulator) add versions, and a stored version never changes.
create table risk_rule (
    id                    uuid primary key,
    code                  text not null,
    version               integer not null,
    indicator             text not null,
    comparator            text not null check (comparator in ('GT', 'GE', 'LT', 'LE')),
    threshold             numeric(19, 6) not null,
    severity              text not null check (severity in ('INFO', 'WARNING', 'CRITICAL')),
    scope                 text not null check (scope in ('REGION', 'INSTITUTION')),
    scope_institution     uuid,
    effective_from        date not null,
    enabled               boolean not null,
    changed_by_name       text not null,
    changed_at            timestamptz not null,
    unique (code, version),
    check ((scope = 'INSTITUTION') = (scope_institution is not null))
);
alter table risk_rule enable row level security;
alter table risk_rule force row level security;
create policy risk_rule_readable_by_all on risk_rule for select using (true);
create policy risk_rule_written_region_wide on risk_rule for insert to xiaodai_region with check (true);
revoke update, delete, truncate on risk_rule from xiaodai_access;

-- An alert about one institution (institution_id), raised once per rule, subject and date.
create table risk_alert (
    id               uuid primary key,
    institution_id   uuid not null,
    rule_id          uuid not null references risk_rule (id),
    rule_code        text not null,
    indicator        text not null,
    severity         text not null check (severity in ('INFO', 'WARNING', 'CRITICAL')),
    subject          text not null,
    subject_label    text,
    as_of            date not null,
    value            numeric(19, 6) not null,
    threshold        numeric(19, 6) not null,
    status           text not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    assignee_id      uuid,
    assignee_name    text,
    raised_at        timestamptz not null,
    acknowledged_at  timestamptz,
    resolved_at      timestamptz,
    resolution_note  text,
    version          integer not null default 0,
    unique (institution_id, rule_code, subject, as_of)
);
create index risk_alert_open on risk_alert (institution_id, raised_at desc) where status <> 'RESOLVED';
create index risk_alert_raised on risk_alert (raised_at desc);
select xiaodai_tenant_wall('risk_alert');

-- An alert's history (append-only): raised, acknowledged, assigned, noted, resolved.
create table risk_alert_event (
    id              uuid primary key,
    institution_id  uuid not null,
    alert_id        uuid not null references risk_alert (id),
    action          text not null,
    note            text,
    actor_id        uuid,
    actor_name      text not null,
    at              timestamptz not null
);
create index risk_alert_event_alert on risk_alert_event (alert_id, at);
select xiaodai_tenant_wall('risk_alert_event');
revoke update, delete, truncate on risk_alert_event from xiaodai_access;

-- The in-app inbox: one message per alert for the institution and one for the regulator
-- (audience), read or not. A notification module may take delivery over later.
create table risk_notification (
    id              uuid primary key,
    institution_id  uuid not null,
    audience        text not null check (audience in ('INSTITUTION', 'REGULATOR')),
    alert_id        uuid not null references risk_alert (id),
    created_at      timestamptz not null,
    read_at         timestamptz,
    read_by_name    text
);
create index risk_notification_unread on risk_notification (audience, institution_id, created_at desc) where read_at is null;
select xiaodai_tenant_wall('risk_notification');
