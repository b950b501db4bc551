-- Mamori publishes its own reports and advisories into a TAXII collection, so partners' tools and
-- other Mamori instances can poll them. Each published version keeps the access decision of the item
-- it comes from: the item's originator, its recipients (a report's route, an advisory's audience) and
-- its named people, kept current as the item is forwarded, relayed or re-marked.

-- The item a version was published from (such as 'report:R2026-00042'); null for objects added over
-- TAXII and for objects that many items share (identities, definitions).
alter table stix_object add column source_item text;
-- The organisations the version has reached; null: whoever may read the collection.
alter table stix_object add column recipients uuid[];

create index stix_object_source_item on stix_object (collection_id, source_item)
  where source_item is not null;

-- Readable by everyone in Mamori: each version is then narrowed to its item's own readers.
insert into taxii_collection (id, title, description, alias, default_tlp, readable_by_everyone,
                              created_at, updated_at)
values ('6d616d6f-7269-4000-8000-000000000001',
        'Mamori の情報連絡・情報提供 / Mamori reports and advisories',
        'Mamori が自動で載せる、報告と情報提供の STIX 2.1 版。読める人は Mamori の画面と同じです。'
          || ' / The STIX 2.1 form of the reports and advisories in Mamori, added automatically;'
          || ' who may read each one is the same as on its page.',
        'mamori-items', 'GREEN', true, now(), now());
