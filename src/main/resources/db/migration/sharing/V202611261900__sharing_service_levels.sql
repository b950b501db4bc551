-- Service levels (サービスレベル) of the sectors whose verification levels are seeded: what the
-- operators aim to keep up. Examples from the public study, to be confirmed by each ministry; they
-- are data that platform administrators edit at /trends/levels.
insert into sector_level (id, sector_id, kind, description_ja, description_en)
select gen_random_uuid(), s.id, 'SERVICE', l.ja, l.en
from (values
  ('electricity', '10分以上にわたり10万kW以上に影響する停電を起こさない', 'No outage of over 10 minutes affecting 100,000 kW or more'),
  ('gas', '20戸以上のガス供給に支障を起こさない', 'No disruption of gas supply to 20 or more households'),
  ('telecom', '3万人以上の利用者に2時間以上影響する重大な事故を起こさない', 'No serious accident affecting 30,000 users or more for 2 hours or more')
) as l(sector, ja, en)
join sector s on s.code = l.sector
on conflict (sector_id, kind) do nothing;
