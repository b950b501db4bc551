-- The report taxonomy, as the national statistics use it (DOMAIN.md): editable reference data in
-- both languages, with a plain-words hint for people who are not security experts.

create table event_type
(
  code          text primary key,
  threat_group  text not null check (threat_group in ('NOT_OCCURRED', 'CONFIDENTIALITY', 'INTEGRITY', 'AVAILABILITY', 'LEADS_TO', 'OTHER')),
  name_ja       text not null,
  name_en       text not null,
  hint_ja       text not null default '',
  hint_en       text not null default '',
  display_order int  not null
);

insert into event_type (code, threat_group, name_ja, name_en, hint_ja, hint_en, display_order) values
  ('near-miss', 'NOT_OCCURRED', '予兆・ヒヤリハット', 'Warning sign or near miss',
   'まだ被害はないが、危なかったこと・おかしな兆し (不審なメールが届いた、攻撃を防いだ など)', 'Nothing was harmed yet, but something was close or looked wrong (a suspicious e-mail, a blocked attack)', 1),
  ('leak', 'CONFIDENTIALITY', '情報の漏えい', 'Information leaked',
   '見られてはいけない情報が外に出た、または出たおそれがある', 'Information that should stay inside got out, or may have', 2),
  ('destruction', 'INTEGRITY', '情報の破壊・改ざん', 'Information destroyed or tampered with',
   'データが消された、書き換えられた、暗号化された', 'Data was deleted, changed or encrypted', 3),
  ('unavailable', 'AVAILABILITY', 'システム等の利用困難', 'Systems unavailable',
   'システムやサービスが止まった、遅くなった、使えなくなった', 'A system or service stopped, slowed down or could not be used', 4),
  ('malware', 'LEADS_TO', 'マルウェア等の感染', 'Malware infection',
   'ウイルスなど悪意のあるプログラムに感染した', 'A computer was infected by a virus or other malicious program', 5),
  ('malicious-code', 'LEADS_TO', '不正コード等の実行', 'Malicious code executed',
   '不正なプログラムや命令が実行された', 'Malicious code or commands were run', 6),
  ('intrusion', 'LEADS_TO', 'システム等への侵入', 'Intrusion',
   '外部の者がシステムに入り込んだ', 'Someone from outside got into a system', 7),
  ('other', 'OTHER', 'その他', 'Other', 'どれにも当てはまらない', 'None of the above', 8);

create table cause
(
  code          text primary key,
  cause_group   text not null check (cause_group in ('INTENTIONAL', 'ACCIDENTAL', 'ENVIRONMENTAL', 'OTHER')),
  name_ja       text not null,
  name_en       text not null,
  display_order int  not null
);

insert into cause (code, cause_group, name_ja, name_en, display_order) values
  ('suspicious-email', 'INTENTIONAL', '不審メール等の受信', 'Suspicious e-mail received', 1),
  ('credential-misuse', 'INTENTIONAL', 'ID・パスワードの不正使用 (なりすまし)', 'Stolen or misused credentials (spoofing)', 2),
  ('ddos', 'INTENTIONAL', 'DDoS攻撃などの大量アクセス', 'DDoS or mass access', 3),
  ('data-theft', 'INTENTIONAL', '情報の不正取得', 'Information stolen', 4),
  ('insider', 'INTENTIONAL', '内部不正', 'Insider wrongdoing', 5),
  ('improper-operation', 'INTENTIONAL', '不適切な運用の悪用', 'Exploited improper operation', 6),
  ('intentional-other', 'INTENTIONAL', 'その他 (意図的なもの)', 'Other (intentional)', 7),
  ('user-error', 'ACCIDENTAL', '利用者の操作ミス', 'User operation error', 11),
  ('management-error', 'ACCIDENTAL', '管理上のミス', 'Management error', 12),
  ('suspicious-file', 'ACCIDENTAL', '不審なファイルを開いた', 'Opened a suspicious file', 13),
  ('suspicious-site', 'ACCIDENTAL', '不審なサイトを閲覧した', 'Visited a suspicious site', 14),
  ('outsourcer-error', 'ACCIDENTAL', '委託先のミス', 'Outsourcer''s error', 15),
  ('equipment-failure', 'ACCIDENTAL', '機器の故障', 'Equipment failure', 16),
  ('vulnerability', 'ACCIDENTAL', 'システムの脆弱性', 'Vulnerability', 17),
  ('spillover-telecom', 'ACCIDENTAL', '他分野の障害からの波及 (通信)', 'Spill-over from another sector (telecom)', 18),
  ('spillover-power', 'ACCIDENTAL', '他分野の障害からの波及 (電力)', 'Spill-over from another sector (power)', 19),
  ('spillover-water', 'ACCIDENTAL', '他分野の障害からの波及 (水道)', 'Spill-over from another sector (water)', 20),
  ('spillover-other', 'ACCIDENTAL', '他分野の障害からの波及 (その他)', 'Spill-over from another sector (other)', 21),
  ('accidental-other', 'ACCIDENTAL', 'その他 (偶発的なもの)', 'Other (accidental)', 22),
  ('disaster', 'ENVIRONMENTAL', '災害', 'Disaster', 31),
  ('pandemic', 'ENVIRONMENTAL', '感染症などの疾病', 'Pandemic', 32),
  ('unknown', 'OTHER', '不明', 'Unknown', 41),
  ('other', 'OTHER', 'その他', 'Other', 42);

create table impact
(
  code          text primary key,
  name_ja       text not null,
  name_en       text not null,
  hint_ja       text not null default '',
  hint_en       text not null default '',
  display_order int  not null
);

insert into impact (code, name_ja, name_en, hint_ja, hint_en, display_order) values
  ('stopped', 'サービスが止まった', 'Service stopped', '利用者にサービスを提供できなくなった', 'Users could not be served at all', 1),
  ('degraded', 'サービスの質が下がった', 'Service degraded', '遅い、一部しか使えないなど', 'Slower, or only partly available', 2),
  ('unusable', '一部の利用者が使えなくなった', 'Unavailable to some users', '特定の地域や利用者だけが使えない', 'Some areas or users could not use it', 3),
  ('information-leaked', '情報が漏えいした', 'Information leaked', '', '', 4),
  ('information-tampered', '情報が壊された・書き換えられた', 'Information destroyed or tampered with', '', '', 5),
  ('none-yet', 'サービスへの影響はまだない', 'No effect on the service yet', '予兆やヒヤリハットなど', 'Warning signs and near misses', 6);

-- A sector's service and verification levels (サービスレベル・検証レベル): the line above which a
-- failure must be verified and counted, so a ministry and the hub read the same definition.
create table sector_level
(
  id             uuid primary key,
  sector_id      uuid not null references sector (id),
  kind           text not null check (kind in ('SERVICE', 'VERIFICATION')),
  description_ja text not null,
  description_en text not null default '',
  unique (sector_id, kind)
);

insert into sector_level (id, sector_id, kind, description_ja, description_en)
select gen_random_uuid(), s.id, 'VERIFICATION', l.ja, l.en
from (values
  ('electricity', '10分以上の停電で、10万kW以上の供給に影響した', 'An outage of over 10 minutes affecting 100,000 kW or more'),
  ('gas', '20戸以上のガス供給に支障が出た', 'Gas supply disrupted to 20 or more households'),
  ('telecom', '3万人以上の利用者に2時間以上の影響が出た (重大な事故)', 'A serious accident: 30,000 users or more for 2 hours or more')
) as l(sector, ja, en)
join sector s on s.code = l.sector;
