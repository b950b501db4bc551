-- Candidate-sector review (重要インフラの定義及び範囲の見直し).

-- Criteria are edited as aggregates with optimistic locking, like every other aggregate.
alter table candidate_criterion add column version bigint not null default 0;

-- A step is dated when it happened (a ministry consulted last month), which is not when it was recorded.
alter table candidate_stage_change add column occurred_on date;
update candidate_stage_change set occurred_on = (changed_at at time zone 'Asia/Tokyo')::date;
alter table candidate_stage_change alter column occurred_on set not null;
create index candidate_stage_change_by_candidate on candidate_stage_change (candidate_id, position);

alter table candidate_sector add constraint candidate_sector_stage_known check (stage in
  ('CANDIDATE', 'MINISTRY_CONSULTED', 'PARTICIPATION_EXPECTED', 'CEPTOAR_BEING_ESTABLISHED', 'DESIGNATED', 'WITHDRAWN'));
alter table candidate_sector add constraint candidate_sector_designated_has_sector check
  ((stage = 'DESIGNATED') = (designated_sector_id is not null));
