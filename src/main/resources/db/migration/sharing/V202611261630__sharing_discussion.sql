-- Comments and attachments on reports, each with its own TLP marking (never looser than the
-- report's: the stricter of the two applies).
create table report_comment
(
  id           uuid primary key,
  report_id    uuid        not null references report (id),
  author       uuid        not null references person (id),
  organisation uuid        not null references organisation (id),
  tlp          text        not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
  text         text        not null,
  written_at   timestamptz not null
);
create index report_comment_by_report on report_comment (report_id, written_at);

-- Files kept in the database (every node sees them; backups include them), named by their id:
-- the uploaded file name is shown, never used as a path. The type is what the content says.
create table report_attachment
(
  id           uuid primary key,
  report_id    uuid        not null references report (id),
  uploaded_by  uuid        not null references person (id),
  organisation uuid        not null references organisation (id),
  tlp          text        not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
  file_name    text        not null,
  content_type text        not null,
  size_bytes   bigint      not null check (size_bytes >= 0),
  sha256       text        not null,
  content      bytea       not null,
  uploaded_at  timestamptz not null
);
create index report_attachment_by_report on report_attachment (report_id, uploaded_at);
