-- Reports (情報連絡): one case per incident, with append-only versions (first report, follow-ups,
-- final report) and the route it has travelled.

create table report
(
  id           uuid primary key,
  reference    text        not null unique,
  originator   uuid        not null references organisation (id),
  author       uuid        not null references person (id),
  sector_id    uuid references sector (id),
  tlp          text        not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
  emergency    boolean     not null default false,
  created_at   timestamptz not null,
  submitted_at timestamptz,
  version      bigint      not null
);
create index report_by_originator on report (originator, created_at desc);
create index report_by_submitted on report (submitted_at desc);

-- Every version ever written, never changed: a version awaiting approval is released (or refused)
-- by a decision recorded beside it.
create table report_version
(
  id                     uuid primary key,
  report_id              uuid        not null references report (id),
  number                 int         not null check (number > 0),
  stage                  text        not null check (stage in ('FIRST', 'FOLLOW_UP', 'FINAL')),
  tlp                    text        not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
  author                 uuid        not null references person (id),
  written_at             timestamptz not null,
  summary                text        not null,
  occurred_at            timestamptz,
  detected_at            timestamptz,
  event_type             text        not null references event_type (code),
  impact                 text        not null references impact (code),
  causes                 text[]      not null default '{}',
  service                text        not null default '',
  other_sectors_affected text        not null default 'UNKNOWN' check (other_sectors_affected in ('YES', 'NO', 'UNKNOWN')),
  verification_level     text        not null default 'UNKNOWN' check (verification_level in ('REACHED', 'NOT_REACHED', 'UNKNOWN')),
  response_status        text        not null default 'INVESTIGATING' check (response_status in ('INVESTIGATING', 'CONTAINED', 'RECOVERED')),
  details                text        not null default '',
  indicators             text        not null default '',
  state                  text        not null check (state in ('AWAITING_APPROVAL', 'RELEASED', 'REFUSED')),
  decided_by             uuid references person (id),
  decided_at             timestamptz,
  decision_note          text        not null default '',
  unique (report_id, number)
);

-- TLP:RED reports are addressed to named people.
create table report_red_recipient
(
  report_id uuid not null references report (id),
  person_id uuid not null references person (id),
  primary key (report_id, person_id)
);

-- Where the report has gone: one row per organisation that received it, when, from whom, and when
-- (and by whom, with what assessment) it passed it on.
create table report_hop
(
  report_id         uuid        not null references report (id),
  organisation_id   uuid        not null references organisation (id),
  step              int         not null,
  from_organisation uuid references organisation (id),
  channel           text        not null,
  emergency         boolean     not null default false,
  received_at       timestamptz not null,
  forwarded_at      timestamptz,
  forwarded_by      uuid references person (id),
  assessment        text        not null default '',
  primary key (report_id, organisation_id)
);
create index report_hop_by_organisation on report_hop (organisation_id, received_at desc);

-- Normalised indicators (IP addresses, domains, URLs, hashes) of every released version: the value
-- index behind "seen in N reports / M sectors" and the cross-sector spread notice.
create table report_indicator
(
  report_id  uuid not null references report (id),
  kind       text not null,
  normalised text not null,
  primary key (report_id, kind, normalised)
);
create index report_indicator_by_value on report_indicator (kind, normalised);

-- A half-written report, saved so nothing typed is lost.
create table report_draft
(
  id           uuid primary key,
  report_id    uuid references report (id),
  author       uuid        not null references person (id),
  organisation uuid        not null references organisation (id),
  content      text        not null,
  updated_at   timestamptz not null
);
create index report_draft_by_author on report_draft (author, updated_at desc);

-- Does an organisation want a manager to approve reports before they leave it?
create table reporting_setting
(
  organisation_id   uuid primary key references organisation (id),
  approval_required boolean not null
);

-- Report references run per Japanese fiscal year (April to March): R2026-00042.
create table report_counter
(
  fiscal_year int primary key,
  last_number int not null
);
