-- In-app notices about a situation an organisation joined: no shared item, so the notice keeps
-- the few words it names (the situation's reference and level) in both languages.
alter table notification drop constraint notification_item_kind_check;
alter table notification add constraint notification_item_kind_check
  check (item_kind in ('REPORT', 'ADVISORY', 'SITUATION'));
alter table notification
  add column subject_ja text not null default '',
  add column subject_en text not null default '';
