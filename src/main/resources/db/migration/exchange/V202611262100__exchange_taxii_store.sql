-- TAXII 2.1 collections, the STIX objects in them, and the status of each request that added objects.

-- A collection is defined by platform administrators: who may read it (everyone in Mamori, or
-- organisations and sectors), who may add to it (organisations), and the TLP marking an object
-- without one is given (never CLEAR: an unmarked object is not treated as public).
create table taxii_collection (
  id                    uuid primary key,
  title                 text not null,
  description           text not null default '',
  alias                 text unique,
  default_tlp           text not null check (default_tlp in ('GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
  readable_by_everyone  boolean not null,
  reader_organisations  uuid[] not null default '{}',
  reader_sectors        uuid[] not null default '{}',
  writer_organisations  uuid[] not null default '{}',
  -- The date_added given last in this collection: the next object gets a later one, even after deletions.
  last_date_added       timestamptz,
  created_at            timestamptz not null,
  updated_at            timestamptz not null
);

-- One row per version of a STIX object in a collection; the object's JSON exactly as it was posted.
-- date_added is unique and increases in commit order within a collection (see StixObjects), so a
-- poller using added_after or next never misses an object committed late.
create table stix_object (
  id                bigserial primary key,
  collection_id     uuid not null references taxii_collection (id),
  object_id         text not null,
  object_type       text not null,
  spec_version      text not null,
  -- modified, else created, else date_added (objects without either, such as cyber observables)
  version           timestamptz not null,
  -- the version as the object writes it, for manifests, version lists and statuses
  version_text      text not null,
  date_added        timestamptz not null,
  tlp               text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
  -- the organisation whose token added it
  originator        uuid not null,
  -- for TLP:RED, the people it is for: the person whose token added it
  named_recipients  uuid[] not null default '{}',
  revoked           boolean not null default false,
  json              jsonb not null,
  unique (collection_id, object_id, version)
);

-- Paging in date_added order from a cursor (date_added, id).
create index stix_object_paging on stix_object (collection_id, date_added, id);

-- A request that added objects, and what became of each object in it (in the request's order).
create table taxii_status (
  id                 uuid primary key,
  collection_id      uuid not null references taxii_collection (id),
  person_id          uuid not null,
  organisation_id    uuid not null,
  request_timestamp  timestamptz not null,
  completed          boolean not null default false
);

create table taxii_status_object (
  status_id  uuid not null references taxii_status (id) on delete cascade,
  position   int not null,
  object_id  text not null,
  version    text not null,
  outcome    text not null check (outcome in ('PENDING', 'SUCCESS', 'FAILURE')),
  message    text,
  primary key (status_id, position)
);
