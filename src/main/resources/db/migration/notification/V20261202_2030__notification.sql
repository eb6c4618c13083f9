-- Notifications (通知): what was sent to whom, on which channel, and how delivery went.
-- No table holds a plaintext mobile number or e-mail address beyond the moment it is needed:
-- deliveries to a customer resolve the address when they are attempted; a delivery to an address
-- given explicitly (a one-time code during registration, before any customer exists) keeps it in
-- `address` only while the delivery is open and erases it when the delivery is sent or finally fails.

-- The delivery log: one row per notice and channel, with its retries and final state.
create table notification_delivery (
    id               uuid primary key,
    institution_id   uuid not null references iam_organisation (id),
    event            text not null,
    channel          text not null check (channel in ('SMS', 'EMAIL', 'IN_APP')),
    language         text not null check (language in ('zh', 'en')),
    customer_id      uuid,
    reference        text,
    recipient_masked text not null,
    address          text,
    subject          text,
    body             text not null,
    -- PENDING: waiting for its (next) attempt; SENT; FAILED: gave up after the last retry;
    -- SKIPPED: the channel is not available for this recipient (no address, no SMTP server)
    status           text not null check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    bypasses_quiet_hours boolean not null default false,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    deferred_until   timestamptz,
    last_error       text,
    dedupe_key       text,
    created_at       timestamptz not null,
    closed_at        timestamptz,
    unique (institution_id, dedupe_key, channel)
);
create index notification_delivery_due on notification_delivery (next_attempt_at) where status = 'PENDING';
create index notification_delivery_created on notification_delivery (institution_id, created_at desc);
select xiaodai_tenant_wall('notification_delivery');

-- How a customer wishes to be reached beyond the mobile number of their customer record.
create table notification_contact (
    institution_id uuid not null references iam_organisation (id),
    customer_id    uuid not null,
    email          text,
    language       text not null default 'zh' check (language in ('zh', 'en')),
    updated_at     timestamptz not null,
    primary key (institution_id, customer_id)
);
select xiaodai_tenant_wall('notification_contact');

-- In-app messages (站内信), read by the borrower portal.
create table notification_inbox (
    id             uuid primary key,
    institution_id uuid not null references iam_organisation (id),
    customer_id    uuid not null,
    delivery_id    uuid not null references notification_delivery (id),
    event          text not null,
    title          text not null,
    body           text not null,
    created_at     timestamptz not null,
    read_at        timestamptz
);
create index notification_inbox_customer on notification_inbox (institution_id, customer_id, created_at desc);
select xiaodai_tenant_wall('notification_inbox');

-- What the simulated SMS gateway "sent" (demo and tests): the platform operator reads it, so a
-- demo can follow a one-time code. The mobile is kept masked, with a SHA-256 to find a number's messages.
create table notification_simulated_sms (
    id             uuid primary key,
    institution_id uuid not null references iam_organisation (id),
    delivery_id    uuid not null,
    mobile_masked  text not null,
    mobile_hash    text not null,
    body           text not null,
    sent_at        timestamptz not null
);
create index notification_simulated_sms_mobile on notification_simulated_sms (mobile_hash, sent_at desc);
create index notification_simulated_sms_sent on notification_simulated_sms (sent_at desc);
select xiaodai_tenant_wall('notification_simulated_sms');

-- One-time codes (验证码): only a salted hash of the code is stored; single use, expiring,
-- limited attempts; issuing is rate-limited per mobile (hash) and purpose.
create table notification_one_time_code (
    id             uuid primary key,
    institution_id uuid not null references iam_organisation (id),
    purpose        text not null,
    mobile_hash    text not null,
    code_hash      text not null,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    consumed_at    timestamptz,
    failed_attempts integer not null default 0
);
create index notification_one_time_code_mobile on notification_one_time_code (institution_id, mobile_hash, purpose, created_at desc);
select xiaodai_tenant_wall('notification_one_time_code');

-- rows are never deleted by the application; the simulated gateway's record is append-only
revoke delete, truncate on notification_delivery, notification_contact, notification_inbox,
    notification_one_time_code from xiaodai_access;
revoke update, delete, truncate on notification_simulated_sms from xiaodai_access;
