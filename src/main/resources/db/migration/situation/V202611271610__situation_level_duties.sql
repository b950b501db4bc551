-- What changes for everyone at a level (per-level duties), as data a platform administrator edits:
-- whether the advisories issued for a situation at this level (its SITREPs) ask every organisation
-- they reach to acknowledge receipt, and the least strict marking they may carry.
alter table situation_level
  add column acknowledgement text not null default 'EVERYONE_REACHED'
    check (acknowledgement in ('EVERYONE_REACHED', 'NOBODY')),
  add column minimum_tlp     text not null default 'CLEAR'
    check (minimum_tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT'));

update situation_level set acknowledgement = 'NOBODY', minimum_tlp = 'CLEAR' where code = 'normal';
update situation_level set minimum_tlp = 'GREEN' where code = 'ci-outage';
update situation_level set minimum_tlp = 'AMBER' where code = 'cyber-attack';
