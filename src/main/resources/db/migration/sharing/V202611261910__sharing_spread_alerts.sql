-- When each indicator was first recorded for a report: a follow-up may add an indicator days after
-- the first report, and the spread window counts from when the indicator was seen.
alter table report_indicator add column recorded_at timestamptz not null default now();
create index report_indicator_by_time on report_indicator (recorded_at);

-- A possible spread across sectors: released reports from two or more sectors that share an
-- indicator, or a cause, within the spread window. One alert per indicator (or cause) while its
-- sightings keep arriving within the window of each other.
create table spread_alert
(
  id             uuid primary key,
  basis          text        not null check (basis in ('INDICATOR', 'CAUSE')),
  indicator_kind text        not null default '',
  shared_value   text        not null,
  first_seen_at  timestamptz not null,
  last_seen_at   timestamptz not null,
  raised_at      timestamptz not null,
  version        bigint      not null
);
create index spread_alert_by_value on spread_alert (basis, indicator_kind, shared_value, last_seen_at desc);
create index spread_alert_by_raised on spread_alert (raised_at desc);

-- The reports an alert links, with the sector each came from and when it was seen.
create table spread_alert_report
(
  alert_id  uuid        not null references spread_alert (id),
  report_id uuid        not null references report (id),
  sector_id uuid        not null references sector (id),
  seen_at   timestamptz not null,
  primary key (alert_id, report_id)
);
create index spread_alert_report_by_report on spread_alert_report (report_id);
