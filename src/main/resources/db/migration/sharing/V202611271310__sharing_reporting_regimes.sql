-- Reporting regimes (報告の決まり): when each report of a case is due. Platform administrators keep
-- them; each organisation follows one (reporting_setting.regime_code), the default one when it has
-- not chosen. Figures are data, never code.

create table reporting_regime
(
  code                 text primary key,
  name_ja              text    not null,
  name_en              text    not null default '',
  -- the first report (速報) is due this many minutes after the event was noticed: "promptly"
  first_report_minutes int     not null check (first_report_minutes > 0),
  -- a fuller report is due this many hours after the event was noticed (NIS2: 72); null: none
  second_report_hours  int check (second_report_hours > 0),
  -- while the event goes on, a follow-up is due this many hours after the last report; null: none
  follow_up_hours      int check (follow_up_hours > 0),
  -- the final report (最終報) is due this long after final_report_from; null amount: no fixed time
  final_report_amount  int check (final_report_amount > 0),
  final_report_unit    text    not null default 'DAYS' check (final_report_unit in ('HOURS', 'DAYS', 'MONTHS')),
  final_report_from    text    not null default 'RECOVERED'
    check (final_report_from in ('NOTICED', 'SECOND_REPORT', 'RECOVERED')),
  by_default           boolean not null default false,
  display_order        int     not null,
  check (final_report_from <> 'SECOND_REPORT' or second_report_hours is not null)
);
create unique index reporting_regime_one_default on reporting_regime (by_default) where by_default;

insert into reporting_regime (code, name_ja, name_en, first_report_minutes, second_report_hours,
                              follow_up_hours, final_report_amount, final_report_unit,
                              final_report_from, by_default, display_order) values
  -- The action plan's practice: a first report promptly (made 60 minutes here), follow-ups as things
  -- change (no rhythm of its own; an open situation sets one), the final report once the service has
  -- recovered (made 30 days after the report that says so).
  ('domestic', '国内標準', 'Domestic standard', 60, null, null, 30, 'DAYS', 'RECOVERED', true, 1),
  -- NIS2 (EU 2022/2555, art. 23): early warning within 24 hours, incident notification within
  -- 72 hours, final report one month after the incident notification.
  ('nis2', 'NIS2型', 'NIS2-style', 1440, 72, null, 1, 'MONTHS', 'SECOND_REPORT', false, 2);

alter table reporting_setting
  add column regime_code text references reporting_regime (code);
