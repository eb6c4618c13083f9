-- Scoring (评分卡): versioned models, their activation per product, scores given, stability and alerts.
-- Every table is tenant-owned: an institution approves, activates and watches its own models, even
-- the two shipped ones (trained from public data and copied into each institution at registration).

create table scoring_model (
    id              uuid primary key,
    institution_id  uuid not null,
    name            text not null,
    purpose         text not null check (purpose in ('APPLICATION', 'BEHAVIOUR')),
    version         integer not null,
    status          text not null check (status in ('TRAINING', 'DRAFT', 'APPROVED', 'FAILED', 'RETIRED')),
    progress        integer not null default 0 check (progress between 0 and 100),
    scorecard       text,
    metrics         jsonb,
    training_data   jsonb not null,
    code_version    text not null,
    failure         text,
    built_by        uuid,
    built_by_name   text not null,
    built_at        timestamptz not null,
    approved_by     uuid,
    approved_by_name text,
    approved_at     timestamptz,
    unique (institution_id, name, version)
);
create index scoring_model_institution on scoring_model (institution_id, built_at desc);

-- Which approved model scores for a product (product_id null: every product without its own), as
-- champion (decides) or challenger (scored alongside, for comparison). Product ids come from the
-- product module; no foreign key, so the modules stay independent.
create table scoring_assignment (
    id              uuid primary key,
    institution_id  uuid not null,
    product_id      uuid,
    purpose         text not null check (purpose in ('APPLICATION', 'BEHAVIOUR')),
    role            text not null check (role in ('CHAMPION', 'CHALLENGER')),
    model_id        uuid not null references scoring_model (id),
    activated_by    uuid,
    activated_by_name text not null,
    activated_at    timestamptz not null
);
create unique index scoring_assignment_slot on scoring_assignment
    (institution_id, coalesce(product_id, '00000000-0000-0000-0000-000000000000'::uuid), purpose, role);

-- One row per score given (the population that monitoring compares with training).
create table scoring_result (
    id              uuid primary key,
    institution_id  uuid not null,
    model_id        uuid not null references scoring_model (id),
    product_id      uuid,
    subject         text,
    business_date   date not null,
    scored_at       timestamptz not null,
    score           integer not null,
    bins            integer[] not null,
    challenger      boolean not null default false
);
create index scoring_result_model_date on scoring_result (model_id, business_date);

-- Population stability of a model's scores (PSI) and characteristics (CSI) on a business date.
create table scoring_stability (
    id              uuid primary key,
    institution_id  uuid not null,
    model_id        uuid not null references scoring_model (id),
    as_of           date not null,
    sample          integer not null,
    psi             numeric(12, 6) not null,
    csi             jsonb not null,
    level           text not null check (level in ('STABLE', 'WATCH', 'ACT')),
    computed_at     timestamptz not null,
    unique (model_id, as_of)
);

-- A drift alert: raised when a model's PSI or a CSI crosses into WATCH or ACT.
create table scoring_alert (
    id              uuid primary key,
    institution_id  uuid not null,
    model_id        uuid not null references scoring_model (id),
    as_of           date not null,
    level           text not null check (level in ('WATCH', 'ACT')),
    psi             numeric(12, 6) not null,
    worst_variable  text,
    worst_csi       numeric(12, 6),
    raised_at       timestamptz not null,
    unique (model_id, as_of)
);

-- Grade table (评级与额度利率表): PD up to max_pd gets the grade, its recommended limit and rate band.
create table scoring_grade_policy (
    id              uuid primary key,
    institution_id  uuid not null,
    grade           char(1) not null check (grade in ('A', 'B', 'C', 'D', 'E')),
    max_pd          numeric(7, 6) not null,
    limit_amount    numeric(19, 2) not null,
    currency        char(3) not null default 'CNY',
    rate_from_percent numeric(7, 4) not null,
    rate_to_percent numeric(7, 4) not null,
    unique (institution_id, grade)
);

alter table scoring_model enable row level security;
alter table scoring_model force row level security;
create policy tenant_institution on scoring_model using (institution_id = xiaodai_current_institution());
create policy tenant_region on scoring_model to xiaodai_region using (true);

alter table scoring_assignment enable row level security;
alter table scoring_assignment force row level security;
create policy tenant_institution on scoring_assignment using (institution_id = xiaodai_current_institution());
create policy tenant_region on scoring_assignment to xiaodai_region using (true);

alter table scoring_result enable row level security;
alter table scoring_result force row level security;
create policy tenant_institution on scoring_result using (institution_id = xiaodai_current_institution());
create policy tenant_region on scoring_result to xiaodai_region using (true);

alter table scoring_stability enable row level security;
alter table scoring_stability force row level security;
create policy tenant_institution on scoring_stability using (institution_id = xiaodai_current_institution());
create policy tenant_region on scoring_stability to xiaodai_region using (true);

alter table scoring_alert enable row level security;
alter table scoring_alert force row level security;
create policy tenant_institution on scoring_alert using (institution_id = xiaodai_current_institution());
create policy tenant_region on scoring_alert to xiaodai_region using (true);

alter table scoring_grade_policy enable row level security;
alter table scoring_grade_policy force row level security;
create policy tenant_institution on scoring_grade_policy using (institution_id = xiaodai_current_institution());
create policy tenant_region on scoring_grade_policy to xiaodai_region using (true);
