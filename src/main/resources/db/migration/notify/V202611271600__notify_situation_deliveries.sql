-- E-mails and webhook calls about a situation (an organisation joined its response, it opened,
-- changed level or closed): no shared item, so the delivery keeps the few words it names in both
-- languages and the situation's reference, as in-app notices about a situation do.
alter table notify_delivery drop constraint notify_delivery_item_kind_check;
alter table notify_delivery add constraint notify_delivery_item_kind_check
  check (item_kind in ('REPORT', 'ADVISORY', 'SITUATION'));
alter table notify_delivery
  add column subject_ja text not null default '',
  add column subject_en text not null default '',
  add column reference  text not null default '';
