-- Reference data of Japan's critical-infrastructure protection structure, as public sources describe it.
-- It is data, not code: platform administrators edit it in Mamori. Items marked [verify] come from
-- secondary sources and should be checked against the current action plan.

insert into sector (id, code, display_order, name_ja, name_en, designated_on, version) values
  (gen_random_uuid(), 'telecom',     1,  '情報通信',           'Information and communications',        '2005-12-13', 0),
  (gen_random_uuid(), 'finance',     2,  '金融',               'Finance',                               '2005-12-13', 0),
  (gen_random_uuid(), 'aviation',    3,  '航空',               'Aviation',                              '2005-12-13', 0),
  (gen_random_uuid(), 'airports',    4,  '空港',               'Airports',                              '2018-07-25', 0),
  (gen_random_uuid(), 'railways',    5,  '鉄道',               'Railways',                              '2005-12-13', 0),
  (gen_random_uuid(), 'electricity', 6,  '電力',               'Electric power',                        '2005-12-13', 0),
  (gen_random_uuid(), 'gas',         7,  'ガス',               'Gas',                                   '2005-12-13', 0),
  (gen_random_uuid(), 'government',  8,  '政府・行政サービス', 'Government and administrative services', '2005-12-13', 0),
  (gen_random_uuid(), 'medical',     9,  '医療',               'Medical',                               '2005-12-13', 0),
  (gen_random_uuid(), 'water',       10, '水道',               'Water supply',                          '2005-12-13', 0),
  (gen_random_uuid(), 'logistics',   11, '物流',               'Logistics',                             '2005-12-13', 0),
  (gen_random_uuid(), 'chemical',    12, '化学',               'Chemical',                              '2014-05-19', 0),
  (gen_random_uuid(), 'credit',      13, 'クレジット',         'Credit cards',                          '2014-05-19', 0),
  (gen_random_uuid(), 'petroleum',   14, '石油',               'Petroleum',                             '2014-05-19', 0),
  (gen_random_uuid(), 'ports',       15, '港湾',               'Ports',                                 '2024-03-08', 0);

update sector set description_ja = '地方公共団体を含む。', description_en = 'Including local governments.' where code = 'government';

insert into sector_lineage (id, sector_id, event, occurred_on, note_ja, note_en)
select gen_random_uuid(), id, 'ADDED', designated_on,
       case when designated_on = '2005-12-13' then '第1次行動計画 (10分野)'
            when designated_on = '2014-05-19' then '第3次行動計画で追加 (13分野)'
            when designated_on = '2024-03-08' then '行動計画の改定で追加 (15分野)'
            else '' end,
       case when designated_on = '2005-12-13' then 'First action plan (10 sectors)'
            when designated_on = '2014-05-19' then 'Added by the third action plan (13 sectors)'
            when designated_on = '2024-03-08' then 'Added by the revised action plan (15 sectors)'
            else '' end
from sector where code <> 'airports';

insert into sector_lineage (id, sector_id, event, occurred_on, related_sector_id, note_ja, note_en)
select gen_random_uuid(), a.id, 'SPLIT_FROM', '2018-07-25', v.id,
       '第4次行動計画に基づき航空分野から分離 (14分野)', 'Split from aviation under the fourth action plan (14 sectors)'
from sector a, sector v where a.code = 'airports' and v.code = 'aviation';

-- The national hub, ministries, security agencies, CEPTOARs and their Council.
insert into organisation (id, code, kinds, name_ja, name_en, country, created_at, version) values
  (gen_random_uuid(), 'national-hub', '{NATIONAL_HUB}', '国家サイバー統括室', 'National Cybersecurity Office', 'JP', now(), 0),
  (gen_random_uuid(), 'fsa',   '{SECTOR_MINISTRY}',                             '金融庁',       'Financial Services Agency', 'JP', now(), 0),
  (gen_random_uuid(), 'mic',   '{SECTOR_MINISTRY,SECURITY_MINISTRY}',           '総務省',       'Ministry of Internal Affairs and Communications', 'JP', now(), 0),
  (gen_random_uuid(), 'mhlw',  '{SECTOR_MINISTRY}',                             '厚生労働省',   'Ministry of Health, Labour and Welfare', 'JP', now(), 0),
  (gen_random_uuid(), 'meti',  '{SECTOR_MINISTRY,SECURITY_MINISTRY}',           '経済産業省',   'Ministry of Economy, Trade and Industry', 'JP', now(), 0),
  (gen_random_uuid(), 'mlit',  '{SECTOR_MINISTRY}',                             '国土交通省',   'Ministry of Land, Infrastructure, Transport and Tourism', 'JP', now(), 0),
  (gen_random_uuid(), 'npa',   '{SECURITY_MINISTRY,INCIDENT_HANDLING_MINISTRY}', '警察庁',      'National Police Agency', 'JP', now(), 0),
  (gen_random_uuid(), 'mod',   '{SECURITY_MINISTRY,INCIDENT_HANDLING_MINISTRY}', '防衛省',      'Ministry of Defense', 'JP', now(), 0),
  (gen_random_uuid(), 'mofa',  '{SECURITY_MINISTRY}',                           '外務省',       'Ministry of Foreign Affairs', 'JP', now(), 0),
  (gen_random_uuid(), 'digital', '{SECURITY_MINISTRY}',                         'デジタル庁',   'Digital Agency', 'JP', now(), 0),
  (gen_random_uuid(), 'cao-disaster', '{DISASTER_MINISTRY}',                    '内閣府 (防災担当)', 'Cabinet Office (Disaster Management)', 'JP', now(), 0),
  (gen_random_uuid(), 'jpcert', '{SECURITY_AGENCY}', 'JPCERT コーディネーションセンター', 'JPCERT/CC', 'JP', now(), 0),
  (gen_random_uuid(), 'ipa',    '{SECURITY_AGENCY}', '情報処理推進機構', 'Information-technology Promotion Agency (IPA)', 'JP', now(), 0),
  (gen_random_uuid(), 'nict',   '{SECURITY_AGENCY}', '情報通信研究機構', 'National Institute of Information and Communications Technology (NICT)', 'JP', now(), 0),
  (gen_random_uuid(), 'ceptoar-council', '{CEPTOAR_COUNCIL}', 'セプターカウンシル', 'CEPTOAR Council', 'JP', now(), 0);

insert into organisation (id, code, kinds, name_ja, name_en, sector_id, country, created_at, version)
select gen_random_uuid(), c.code, '{CEPTOAR}', c.name_ja, c.name_en, s.id, 'JP', now(), 0
from (values
  ('ceptoar-telecom',            'telecom',     'T-CEPTOAR (電気通信)',        'T-CEPTOAR (telecommunications)'),
  ('ceptoar-broadcasting',       'telecom',     '放送セプター',                'Broadcasting CEPTOAR'),
  ('ceptoar-cabletv',            'telecom',     'ケーブルテレビセプター',      'Cable TV CEPTOAR'),
  ('ceptoar-banks',              'finance',     '銀行等セプター',              'Banks CEPTOAR'),
  ('ceptoar-securities',         'finance',     '証券セプター',                'Securities CEPTOAR'),
  ('ceptoar-life-insurance',     'finance',     '生命保険セプター',            'Life insurance CEPTOAR'),
  ('ceptoar-non-life-insurance', 'finance',     '損害保険セプター',            'Non-life insurance CEPTOAR'),
  ('ceptoar-aviation',           'aviation',    '航空セプター',                'Aviation CEPTOAR'),
  ('ceptoar-airports',           'airports',    '空港セプター',                'Airports CEPTOAR'),
  ('ceptoar-railways',           'railways',    '鉄道セプター',                'Railways CEPTOAR'),
  ('ceptoar-electricity',        'electricity', '電力セプター',                'Electric power CEPTOAR'),
  ('ceptoar-gas',                'gas',         'ガスセプター',                'Gas CEPTOAR'),
  ('ceptoar-local-government',   'government',  '地方公共団体セプター',        'Local government CEPTOAR'),
  ('ceptoar-medical',            'medical',     '医療セプター',                'Medical CEPTOAR'),
  ('ceptoar-water',              'water',       '水道セプター',                'Water supply CEPTOAR'),
  ('ceptoar-logistics',          'logistics',   '物流セプター',                'Logistics CEPTOAR'),
  ('ceptoar-chemical',           'chemical',    '化学セプター',                'Chemical CEPTOAR'),
  ('ceptoar-credit',             'credit',      'クレジットセプター',          'Credit CEPTOAR'),
  ('ceptoar-petroleum',          'petroleum',   '石油セプター',                'Petroleum CEPTOAR'),
  ('ceptoar-ports',              'ports',       '港湾セプター',                'Ports CEPTOAR')
) as c(code, sector, name_ja, name_en)
join sector s on s.code = c.sector;

-- Which ministry looks after which sector, and since when.
insert into sector_ministry (id, sector_id, ministry_id, valid_from, valid_to)
select gen_random_uuid(), s.id, o.id, r.valid_from::date, r.valid_to::date
from (values
  ('telecom',     'mic',  '2005-12-13', null),
  ('finance',     'fsa',  '2005-12-13', null),
  ('aviation',    'mlit', '2005-12-13', null),
  ('airports',    'mlit', '2018-07-25', null),
  ('railways',    'mlit', '2005-12-13', null),
  ('electricity', 'meti', '2005-12-13', null),
  ('gas',         'meti', '2005-12-13', null),
  ('government',  'mic',  '2005-12-13', null),
  ('medical',     'mhlw', '2005-12-13', null),
  ('water',       'mhlw', '2005-12-13', '2024-03-31'),
  ('water',       'mlit', '2024-04-01', null),
  ('logistics',   'mlit', '2005-12-13', null),
  ('chemical',    'meti', '2014-05-19', null),
  ('credit',      'meti', '2014-05-19', null),
  ('petroleum',   'meti', '2014-05-19', null),
  ('ports',       'mlit', '2024-03-08', null)
) as r(sector, ministry, valid_from, valid_to)
join sector s on s.code = r.sector
join organisation o on o.code = r.ministry;

-- SME thresholds after the SME Basic Act: 300 employees or 300 million yen by default, 100 / 50 million
-- for service-like sectors [verify per sector].
insert into size_threshold (id, sector_id, sme_max_employees, sme_max_capital_yen) values
  (gen_random_uuid(), null, 300, 300000000);
insert into size_threshold (id, sector_id, sme_max_employees, sme_max_capital_yen)
select gen_random_uuid(), id, 100, 50000000 from sector where code in ('telecom', 'medical', 'credit');

insert into role (code, name_ja, name_en, description_ja, description_en, capabilities, allowed_kinds, display_order) values
  ('reporter', '報告担当', 'Reporter',
   '障害や攻撃の情報を報告 (情報連絡) します。', 'Files reports of failures and attacks.',
   '{REPORT}', '{OPERATOR,CEPTOAR,SECTOR_MINISTRY,SECURITY_AGENCY,VENDOR,INTERNATIONAL_PARTNER}', 1),
  ('approver', '承認者', 'Approver',
   '組織から報告を送る前に内容を承認します。', 'Approves reports before they leave the organisation.',
   '{APPROVE,REPORT}', '{OPERATOR,CEPTOAR,SECURITY_AGENCY,VENDOR}', 2),
  ('relay', '連絡窓口', 'Liaison',
   '届いた報告を確認し、次の組織へ伝達します。注意喚起 (情報提供) も行います。', 'Reviews incoming reports, forwards them along the map and issues advisories.',
   '{RELAY,ANALYSE}', '{SECTOR_MINISTRY,SECURITY_MINISTRY,INCIDENT_HANDLING_MINISTRY,DISASTER_MINISTRY,CEPTOAR,CEPTOAR_COUNCIL,NATIONAL_HUB,SECURITY_AGENCY}', 3),
  ('analyst', '分析担当', 'Analyst',
   '集まった情報を分析し、傾向を調べます。', 'Analyses shared information and trends.',
   '{ANALYSE}', '{NATIONAL_HUB,SECTOR_MINISTRY,SECURITY_MINISTRY,SECURITY_AGENCY,CEPTOAR,CEPTOAR_COUNCIL}', 4),
  ('duty-officer', '当番責任者', 'Duty officer',
   '事案の状況を判断し、対応の段階を決めます。', 'Judges the situation and decides the response level.',
   '{DUTY_OFFICER,RELAY,ANALYSE}', '{NATIONAL_HUB}', 5),
  ('org-admin', '組織管理者', 'Organisation administrator',
   '自分の組織の利用者と登録情報を管理します。', 'Manages the people and details of their own organisation.',
   '{ADMINISTER_ORGANISATION}', '{OPERATOR,SECTOR_MINISTRY,SECURITY_MINISTRY,INCIDENT_HANDLING_MINISTRY,DISASTER_MINISTRY,SECURITY_AGENCY,VENDOR,CEPTOAR,CEPTOAR_COUNCIL,NATIONAL_HUB,INTERNATIONAL_PARTNER}', 6),
  ('platform-admin', '基盤管理者', 'Platform administrator',
   '分野・組織・情報共有体制など、守り全体の設定を管理します。', 'Manages sectors, organisations, the sharing map and all of Mamori''s settings.',
   '{ADMINISTER_PLATFORM,ADMINISTER_ORGANISATION}', '{NATIONAL_HUB}', 7),
  ('auditor', '監査担当', 'Auditor',
   '監査記録を閲覧・検証・出力します。', 'Reads, verifies and exports the audit trail.',
   '{AUDIT}', '{NATIONAL_HUB}', 8);

-- The sharing map: reports go up (operator → ministry → hub), advisories come down
-- (hub → ministry → CEPTOAR → operators).
insert into sharing_edge (id, direction, from_type, from_ref, to_type, to_ref, channel, hop_order, forward_at_once, version)
select gen_random_uuid(), 'REPORT', 'SECTOR_OPERATORS', s.id, 'ORGANISATION', sm.ministry_id, 'MAMORI', 1, false, 0
from sector s join sector_ministry sm on sm.sector_id = s.id and sm.valid_to is null;

insert into sharing_edge (id, direction, from_type, from_ref, to_type, to_ref, channel, hop_order, forward_at_once, version)
select gen_random_uuid(), 'REPORT', 'SECTOR_OPERATORS', s.id, 'ORGANISATION', c.id, 'MAMORI', 1, false, 0
from sector s join organisation c on c.sector_id = s.id and 'CEPTOAR' = any (c.kinds)
where s.code in ('electricity', 'water');

insert into sharing_edge (id, direction, from_type, from_ref, to_type, to_ref, channel, hop_order, forward_at_once, version)
select gen_random_uuid(), 'REPORT', 'ORGANISATION', m.id, 'ORGANISATION', h.id, 'MAMORI', 1, false, 0
from organisation m, organisation h
where 'SECTOR_MINISTRY' = any (m.kinds) and h.code = 'national-hub';

insert into sharing_edge (id, direction, from_type, from_ref, to_type, to_ref, channel, hop_order, forward_at_once, version)
select gen_random_uuid(), 'REPORT', 'ORGANISATION', a.id, 'ORGANISATION', h.id, 'MAMORI', 1, true, 0
from organisation a, organisation h
where 'SECURITY_AGENCY' = any (a.kinds) and h.code = 'national-hub';

insert into sharing_edge (id, direction, from_type, from_ref, to_type, to_ref, channel, hop_order, emergency, note_ja, note_en, version)
select gen_random_uuid(), 'REPORT', 'ALL_OPERATORS', null, 'ORGANISATION', h.id, 'MAMORI', 1, true,
       '緊急時に事業者から国家サイバー統括室へ直接連絡する経路', 'Direct emergency channel from any operator to the national hub', 0
from organisation h where h.code = 'national-hub';

insert into sharing_edge (id, direction, from_type, from_ref, to_type, to_ref, channel, hop_order, forward_at_once, version)
select gen_random_uuid(), 'PROVIDE', 'ORGANISATION', h.id, 'ORGANISATION', m.id, 'MAMORI', 1, true, 0
from organisation h, organisation m
where h.code = 'national-hub' and ('SECTOR_MINISTRY' = any (m.kinds) or 'SECURITY_AGENCY' = any (m.kinds) or m.code = 'ceptoar-council');

insert into sharing_edge (id, direction, from_type, from_ref, to_type, to_ref, channel, hop_order, forward_at_once, version)
select distinct on (sm.ministry_id, c.id) gen_random_uuid(), 'PROVIDE', 'ORGANISATION', sm.ministry_id, 'ORGANISATION', c.id, 'MAMORI', 1, false, 0
from sector_ministry sm join organisation c on c.sector_id = sm.sector_id and 'CEPTOAR' = any (c.kinds)
where sm.valid_to is null;

insert into sharing_edge (id, direction, from_type, from_ref, to_type, to_ref, channel, hop_order, forward_at_once, version)
select gen_random_uuid(), 'PROVIDE', 'ORGANISATION', c.id, 'CEPTOAR_MEMBERS', c.id, 'MAMORI', 1, false, 0
from organisation c where 'CEPTOAR' = any (c.kinds);

insert into candidate_criterion (code, criterion_group, name_ja, name_en, description_ja, description_en, weight, max_score, display_order) values
  ('information-service-value', 'INFORMATION_SYSTEM', '情報サービス提供価値', 'Value of the information service',
   '情報システムが障害に至った場合、提供している情報サービスの価値がどれだけ損なわれるか。', 'How much value is lost when the information systems fail.', 1, 3, 1),
  ('information-service-scale', 'INFORMATION_SYSTEM', 'サービスの提供規模', 'Scale of the service',
   '情報システムが処理するサービスの利用者数・取扱量。', 'How many users and transactions the information systems serve.', 1, 3, 2),
  ('control-system-risk', 'CONTROL_SYSTEM', '制御システムのリスク', 'Control-system risk',
   '制御が困難な状態において生じ得るリスクの大きさ。', 'How large the risk is when control is lost.', 1, 3, 3),
  ('interdependency', 'INTERDEPENDENCY', '既存分野との相互依存性', 'Interdependency with existing sectors',
   '既存の重要インフラ分野の重要システムに与える影響。', 'How failures would affect critical systems of existing sectors.', 1, 3, 4),
  ('reinforcement', 'REINFORCEMENT', '既存分野の補強・拡大', 'Reinforcement of an existing sector',
   '既存分野で活動に至っていない関係者を加えることの意義。', 'The value of adding players an existing sector does not yet cover.', 1, 3, 5);
