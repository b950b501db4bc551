-- Situation reports (SITREP, 状況報告): numbered per situation (第1報, 第2報, …). A duty officer
-- compiles a draft from the reports in scope, edits its text and issues it as an advisory that asks
-- for acknowledgement. At most one draft per situation; an issued SITREP never changes.

create table situation_sitrep
(
  id                 uuid primary key,
  situation_id       uuid        not null references situation (id),
  number             int         not null check (number >= 1),
  state              text        not null check (state in ('DRAFT', 'ISSUED')),
  body               text        not null,
  tlp                text        not null,
  acknowledge_by     timestamptz,
  -- the figures the draft was compiled from (counts, what is new since the previous SITREP), JSON
  figures            jsonb       not null,
  compiled_at        timestamptz not null,
  compiled_by        uuid        not null,
  issued_at          timestamptz,
  issued_by          uuid,
  advisory_id        uuid,
  advisory_reference text,
  version            bigint      not null,
  unique (situation_id, number)
);
create unique index situation_sitrep_one_draft on situation_sitrep (situation_id) where state = 'DRAFT';
