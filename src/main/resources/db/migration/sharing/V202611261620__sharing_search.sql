-- Full-text search in Japanese: the terms (characters and pairs of characters) of each shared
-- item's latest text, matched with a GIN index; the normalised text confirms a match as typed.
create table search_entry
(
  kind       text        not null check (kind in ('REPORT', 'ADVISORY')),
  item_id    uuid        not null,
  terms      text[]      not null,
  text       text        not null,
  updated_at timestamptz not null,
  primary key (kind, item_id)
);
create index search_entry_terms on search_entry using gin (terms);
