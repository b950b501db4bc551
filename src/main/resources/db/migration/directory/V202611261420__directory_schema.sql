-- The directory: sectors, organisations, people, roles and the sharing map.

create table sector
(
  id             uuid primary key,
  code           text        not null unique check (code ~ '^[a-z][a-z0-9-]{1,40}$'),
  display_order  int         not null,
  name_ja        text        not null,
  name_en        text        not null default '',
  description_ja text        not null default '',
  description_en text        not null default '',
  designated_on  date        not null,
  retired_on     date,
  version        bigint      not null
);

-- How a sector came to be what it is: added, renamed, split from another, retired.
create table sector_lineage
(
  id                uuid primary key,
  sector_id         uuid not null references sector (id),
  event             text not null check (event in ('ADDED', 'RENAMED', 'SPLIT_FROM', 'RETIRED')),
  occurred_on       date not null,
  related_sector_id uuid references sector (id),
  former_name_ja    text,
  note_ja           text not null default '',
  note_en           text not null default ''
);
create index sector_lineage_by_sector on sector_lineage (sector_id, occurred_on);

create table organisation
(
  id             uuid primary key,
  code           text        not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,60}$'),
  kinds          text[]      not null check (cardinality(kinds) > 0),
  name_ja        text        not null,
  name_en        text        not null default '',
  sector_id      uuid references sector (id),
  size_class     text check (size_class in ('LARGE', 'SME')),
  employees      int check (employees >= 0),
  capital_yen    bigint check (capital_yen >= 0),
  prefecture     text,
  website        text,
  country        text,
  active         boolean     not null default true,
  created_at     timestamptz not null,
  version        bigint      not null
);
create index organisation_by_sector on organisation (sector_id);
create index organisation_by_kinds on organisation using gin (kinds);

-- Private to the organisation and those who look after it (its ministry, its CEPTOARs, the hub).
create table organisation_contact
(
  id              uuid primary key,
  organisation_id uuid not null references organisation (id) on delete cascade,
  label           text not null,
  email           text,
  phone           text,
  position        int  not null
);

create table operator_service
(
  id              uuid primary key,
  organisation_id uuid not null references organisation (id) on delete cascade,
  sector_id       uuid not null references sector (id),
  name_ja         text not null,
  name_en         text not null default '',
  description     text not null default '',
  position        int  not null
);
create index operator_service_by_sector on operator_service (sector_id);

create table ceptoar_membership
(
  operator_id uuid not null references organisation (id) on delete cascade,
  ceptoar_id  uuid not null references organisation (id),
  primary key (operator_id, ceptoar_id)
);
create index ceptoar_membership_by_ceptoar on ceptoar_membership (ceptoar_id);

-- Which ministry is responsible for a sector, over time (water: MHLW until FY2023, MLIT from FY2024).
create table sector_ministry
(
  id          uuid primary key,
  sector_id   uuid not null references sector (id),
  ministry_id uuid not null references organisation (id),
  valid_from  date not null,
  valid_to    date,
  check (valid_to is null or valid_to >= valid_from)
);
create index sector_ministry_by_sector on sector_ministry (sector_id, valid_from);

-- Thresholds below which an operator counts as small or medium-sized (中小). A row with no sector is the default.
create table size_threshold
(
  id                  uuid primary key,
  sector_id           uuid unique references sector (id),
  sme_max_employees   int,
  sme_max_capital_yen bigint
);
create unique index size_threshold_single_default on size_threshold ((sector_id is null)) where sector_id is null;

create table person
(
  id           uuid primary key,
  email        text        not null unique check (email = lower(email)),
  display_name text        not null,
  phone        text,
  active       boolean     not null default true,
  created_at   timestamptz not null,
  version      bigint      not null
);

-- Roles are data: each bundles capabilities and may be granted only in organisations of certain kinds.
create table role
(
  code           text primary key,
  name_ja        text   not null,
  name_en        text   not null,
  description_ja text   not null default '',
  description_en text   not null default '',
  capabilities   text[] not null,
  allowed_kinds  text[] not null,
  display_order  int    not null
);

create table membership
(
  id              uuid primary key,
  person_id       uuid   not null references person (id) on delete cascade,
  organisation_id uuid   not null references organisation (id),
  job_title       text   not null default '',
  roles           text[] not null default '{}',
  unique (person_id, organisation_id)
);
create index membership_by_organisation on membership (organisation_id);

-- Who reports to / provides to whom. An end is one organisation, or a group resolved when the map is read.
create table sharing_edge
(
  id              uuid primary key,
  direction       text    not null check (direction in ('REPORT', 'PROVIDE')),
  from_type       text    not null check (from_type in ('ORGANISATION', 'SECTOR_OPERATORS', 'CEPTOAR_MEMBERS', 'ALL_OPERATORS')),
  from_ref        uuid,
  to_type         text    not null check (to_type in ('ORGANISATION', 'SECTOR_OPERATORS', 'CEPTOAR_MEMBERS', 'ALL_OPERATORS')),
  to_ref          uuid,
  channel         text    not null check (channel in ('MAMORI', 'EMAIL', 'PHONE')),
  hop_order       int     not null check (hop_order between 1 and 99),
  forward_at_once boolean not null default false,
  emergency       boolean not null default false,
  note_ja         text    not null default '',
  note_en         text    not null default '',
  version         bigint  not null,
  check ((from_type = 'ALL_OPERATORS') = (from_ref is null)),
  check ((to_type = 'ALL_OPERATORS') = (to_ref is null))
);
create index sharing_edge_from on sharing_edge (direction, from_type, from_ref);

-- Candidate sectors under review (重要インフラの定義及び範囲の見直し).
create table candidate_criterion
(
  code           text primary key,
  criterion_group text   not null check (criterion_group in ('INFORMATION_SYSTEM', 'CONTROL_SYSTEM', 'INTERDEPENDENCY', 'REINFORCEMENT')),
  name_ja        text    not null,
  name_en        text    not null,
  description_ja text    not null default '',
  description_en text    not null default '',
  weight         numeric not null check (weight >= 0),
  max_score      int     not null check (max_score between 1 and 10),
  display_order  int     not null
);

create table candidate_sector
(
  id                   uuid primary key,
  name_ja              text        not null,
  name_en              text        not null default '',
  description          text        not null default '',
  responsible_ministry uuid references organisation (id),
  stage                text        not null,
  designated_sector_id uuid references sector (id),
  created_at           timestamptz not null,
  version              bigint      not null
);

create table candidate_score
(
  candidate_id   uuid not null references candidate_sector (id) on delete cascade,
  criterion_code text not null references candidate_criterion (code),
  score          int  not null check (score >= 0),
  rationale      text not null default '',
  primary key (candidate_id, criterion_code)
);

create table candidate_stage_change
(
  id           uuid primary key,
  candidate_id uuid        not null references candidate_sector (id) on delete cascade,
  from_stage   text,
  to_stage     text        not null,
  changed_at   timestamptz not null,
  changed_by   uuid        not null,
  note         text        not null default '',
  position     int         not null
);

-- An uploaded CSV kept between "check" and "import", so no web node has to remember it.
create table operator_import
(
  id           uuid primary key,
  uploaded_by  uuid        not null,
  uploaded_at  timestamptz not null,
  file_name    text        not null,
  encoding     text        not null,
  content      text        not null,
  completed_at timestamptz
);
