-- A taxonomy entry is never deleted, since reports keep its code: it is retired instead. A retired
-- entry is no longer offered for new reports, while old reports and the statistics still name it.
alter table event_type add column retired boolean not null default false;
alter table cause add column retired boolean not null default false;
alter table impact add column retired boolean not null default false;
