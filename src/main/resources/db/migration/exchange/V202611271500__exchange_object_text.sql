-- Objects are checked by Mamori before they are stored and are served back as they were posted:
-- keeping them as text spares PostgreSQL parsing every object into jsonb on the way in and writing
-- it out again on every page. "The very same object" is still decided on the parsed forms (jsonb
-- equality), on the rare paths that compare.
alter table stix_object alter column json type text using json::text;

-- A request's objects are recorded once, as two lists on its status, when it opens; a row per
-- object is written only when its outcome is known (an object without one is still pending).
-- Requests recorded before this keep their pending rows, which read the same.
alter table taxii_status add column offered_ids text[], add column offered_versions text[];
