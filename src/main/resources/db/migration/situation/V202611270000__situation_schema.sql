-- Situations (事態対応): the levels a situation may reach, the rules that propose a level from
-- incoming reports, and each situation's scope and level history. Levels and rules are data that
-- platform administrators edit; trigger criteria are not public, so every rule only proposes and a
-- duty officer decides.

create table situation_level
(
  code              text primary key,
  rank              int     not null unique check (rank >= 0),
  name_ja           text    not null,
  name_en           text    not null,
  -- how often organisations in scope send a follow-up report (続報) at this level; null: no rhythm
  follow_up_minutes int check (follow_up_minutes > 0),
  -- reaching this level needs a second duty officer's confirmation
  two_person        boolean not null default false
);

insert into situation_level (code, rank, name_ja, name_en, follow_up_minutes, two_person) values
  ('normal', 0, '通常時', 'Normal operations', null, false),
  ('ci-outage', 1, '大規模重要インフラサービス障害対応時', 'Large-scale CI service outage', 180, false),
  ('cyber-attack', 2, '大規模サイバー攻撃事態', 'Large-scale cyber attack situation', 60, true);

-- Recognition rules: one evaluator reads them. The kinds it knows:
--   INTENTIONAL_OUTAGE  a report with an intentional cause and a service stopped (or unusable) in
--                       at least min_sectors sectors within the window
--   SHARED_INDICATOR    at least min_reports reports sharing one indicator, from at least
--                       min_sectors sectors, within the window
--   VERIFICATION_LEVEL  any report whose event reached its sector's verification level (検証レベル:
--                       telecom's is 30,000 users or more for 2 hours or more)
create table recognition_rule
(
  code           text primary key,
  kind           text    not null check (kind in ('INTENTIONAL_OUTAGE', 'SHARED_INDICATOR', 'VERIFICATION_LEVEL')),
  name_ja        text    not null,
  name_en        text    not null,
  min_sectors    int     not null default 1 check (min_sectors >= 1),
  min_reports    int     not null default 1 check (min_reports >= 1),
  window_minutes int     not null default 360 check (window_minutes > 0),
  proposed_level text    not null references situation_level (code),
  enabled        boolean not null default true,
  display_order  int     not null
);

insert into recognition_rule (code, kind, name_ja, name_en, min_sectors, min_reports, window_minutes, proposed_level, display_order) values
  ('intentional-outage-3-sectors', 'INTENTIONAL_OUTAGE',
   '意図的な原因でサービスが止まった報告が6時間以内に3分野以上', 'Services stopped by intentional causes in 3 or more sectors within 6 hours',
   3, 1, 360, 'cyber-attack', 1),
  ('shared-indicator-2-sectors', 'SHARED_INDICATOR',
   '同じ痕跡のある報告が24時間以内に2分野から3件以上', '3 or more reports from 2 or more sectors sharing an indicator within 24 hours',
   2, 3, 1440, 'ci-outage', 2),
  ('verification-level-reached', 'VERIFICATION_LEVEL',
   '分野の検証レベルに達した報告 (例: 通信で3万人以上に2時間以上の影響)', 'A report that reached its sector''s verification level (e.g. telecom: 30,000 users or more for 2 hours or more)',
   1, 1, 360, 'ci-outage', 3);

-- What the hub's situation desk has read of each released report it may read: the evaluator's
-- memory, so it never reads another module's tables.
create table situation_observed_report
(
  report_id                  uuid primary key,
  reference                  text        not null,
  sector_id                  uuid,
  released_at                timestamptz not null,
  intentional                boolean     not null,
  service_stopped            boolean     not null,
  verification_level_reached boolean     not null,
  -- kind:value, normalised
  indicators                 text[]      not null default '{}'
);
create index situation_observed_by_time on situation_observed_report (released_at desc);

create table situation
(
  id           uuid primary key,
  reference    text        not null unique,
  title        text        not null,
  national     boolean     not null,
  sector_ids   uuid[]      not null default '{}',
  level_code   text        not null references situation_level (code),
  opened_at    timestamptz not null,
  opened_by    uuid        not null,
  closed_at    timestamptz,
  closed_by    uuid,
  close_reason text        not null default '',
  version      bigint      not null
);
create index situation_open on situation (opened_at desc) where closed_at is null;

-- A level proposed for a new situation (situation_id null) or for an open one, by a rule or by a
-- duty officer, and what became of it. Never deleted: the record of every decision.
create table situation_proposal
(
  id                 uuid primary key,
  situation_id       uuid references situation (id),
  rule_code          text references recognition_rule (code),
  title              text        not null,
  level_code         text        not null references situation_level (code),
  national           boolean     not null,
  sector_ids         uuid[]      not null default '{}',
  report_ids         uuid[]      not null default '{}',
  reason             text        not null,
  proposed_at        timestamptz not null,
  proposed_by        uuid,
  state              text        not null check (state in ('PENDING', 'AWAITING_SECOND', 'CONFIRMED', 'DISMISSED')),
  first_confirmed_by uuid,
  first_confirmed_at timestamptz,
  first_reason       text        not null default '',
  decided_by         uuid,
  decided_at         timestamptz,
  decision_reason    text        not null default '',
  version            bigint      not null
);
create index situation_proposal_open on situation_proposal (proposed_at desc) where state in ('PENDING', 'AWAITING_SECOND');

-- Every level a situation has had: who decided it, when and why.
create table situation_level_change
(
  id            uuid primary key,
  situation_id  uuid        not null references situation (id),
  from_level    text references situation_level (code),
  to_level      text        not null references situation_level (code),
  decided_at    timestamptz not null,
  decided_by    uuid        not null,
  confirmed_by  uuid,
  reason        text        not null,
  proposal_id   uuid references situation_proposal (id)
);
create index situation_level_change_by_situation on situation_level_change (situation_id, decided_at);

-- Reports in a situation's scope that reached the hub.
create table situation_report
(
  situation_id uuid        not null references situation (id),
  report_id    uuid        not null references situation_observed_report (report_id),
  added_at     timestamptz not null,
  primary key (situation_id, report_id)
);

create table situation_counter
(
  year int primary key,
  last int not null
);
