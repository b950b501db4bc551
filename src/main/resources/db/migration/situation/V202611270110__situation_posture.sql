-- Posture (体制): who joins the response at each level, and who did. An organisation joins when a
-- situation reaches the lowest level whose posture names it (by its kind in the directory, or by
-- name: a vendor of the affected systems); it leaves when the situation closes or drops below that
-- level. While present it reads the situation's AMBER reports; its record stays after it leaves.

alter table situation_level
  add column joining_kinds         text[] not null default '{}',
  add column joining_organisations uuid[] not null default '{}';

update situation_level set joining_kinds = '{DISASTER_MINISTRY}' where code = 'ci-outage';
update situation_level set joining_kinds = '{INCIDENT_HANDLING_MINISTRY,CRISIS_MANAGEMENT_OFFICE}'
where code = 'cyber-attack';

create table situation_participant
(
  id              uuid primary key,
  situation_id    uuid        not null references situation (id),
  organisation_id uuid        not null,
  -- the level whose posture brought it in
  level_code      text        not null references situation_level (code),
  joined_at       timestamptz not null,
  left_at         timestamptz
);
create unique index situation_participant_present on situation_participant (situation_id, organisation_id)
  where left_at is null;
create index situation_participant_reading on situation_participant (organisation_id) where left_at is null;
create index situation_report_by_report on situation_report (report_id);
