-- Advisories (情報提供): issued by the hub, a ministry, a security agency or a CEPTOAR to an audience,
-- relayed down the sharing map, acknowledged (受領確認) by the organisations they reached.

create table advisory
(
  id                     uuid primary key,
  reference              text        not null unique,
  issuer                 uuid        not null references organisation (id),
  author                 uuid        not null references person (id),
  title                  text        not null,
  body                   text        not null,
  indicators             text        not null default '',
  tlp                    text        not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
  -- The audience as the issuer chose it; the organisations it resolved to are the hops marked addressed.
  audience_everyone      boolean     not null default false,
  audience_sectors       text[]      not null default '{}',
  audience_kinds         text[]      not null default '{}',
  audience_organisations text[]      not null default '{}',
  acknowledge_by         timestamptz,
  -- A sanitised release names the report it was made from; readers outside that report's chain never see it.
  source_report          uuid references report (id),
  source_sector          uuid references sector (id),
  issued_at              timestamptz not null,
  version                bigint      not null
);
create index advisory_by_issuer on advisory (issuer, issued_at desc);
create index advisory_by_issued on advisory (issued_at desc);
create index advisory_by_source on advisory (source_report) where source_report is not null;

-- TLP:RED advisories are addressed to named people.
create table advisory_red_recipient
(
  advisory_id uuid not null references advisory (id),
  person_id   uuid not null references person (id),
  primary key (advisory_id, person_id)
);

-- Every organisation the advisory reached: when, from whom (null: straight from the issuer), whether
-- it was in the audience, and when (and by whom; null when at once) it relayed the advisory on.
create table advisory_hop
(
  advisory_id       uuid        not null references advisory (id),
  organisation_id   uuid        not null references organisation (id),
  step              int         not null,
  from_organisation uuid references organisation (id),
  channel           text        not null,
  addressed         boolean     not null,
  received_at       timestamptz not null,
  relayed_at        timestamptz,
  relayed_by        uuid references person (id),
  primary key (advisory_id, organisation_id)
);
create index advisory_hop_by_organisation on advisory_hop (organisation_id, received_at desc);

-- One acknowledgement of receipt per recipient organisation: who, when, and whether after the deadline.
-- Kept beside the advisory, not inside it, so recipients acknowledging at once never collide.
create table advisory_acknowledgement
(
  advisory_id     uuid        not null references advisory (id),
  organisation_id uuid        not null references organisation (id),
  person_id       uuid        not null references person (id),
  acknowledged_at timestamptz not null,
  late            boolean     not null,
  primary key (advisory_id, organisation_id)
);

-- Every reminder the issuer sent, and to which organisations that had not acknowledged yet.
create table advisory_reminder
(
  id          uuid primary key,
  advisory_id uuid        not null references advisory (id),
  sent_by     uuid        not null references person (id),
  sent_at     timestamptz not null
);
create index advisory_reminder_by_advisory on advisory_reminder (advisory_id, sent_at);

create table advisory_reminder_recipient
(
  reminder_id     uuid not null references advisory_reminder (id),
  organisation_id uuid not null references organisation (id),
  primary key (reminder_id, organisation_id)
);

-- Advisory references run per Japanese fiscal year (April to March): A2026-00012.
create table advisory_counter
(
  fiscal_year int primary key,
  last_number int not null
);
