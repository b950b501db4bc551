-- Uploads become aggregates with optimistic locking, so two nodes cannot import the same upload twice.
alter table operator_import add column version bigint not null default 0;
create index operator_import_waiting on operator_import (uploaded_at) where completed_at is null;
