-- The STIX versions (spec_version) a collection has held. TAXII serves only the latest STIX version
-- of each object unless match[spec_version] says otherwise; while a collection has held one STIX
-- version only, no object can have a later one, and paging need not look for it row by row.
-- Removing objects leaves the list as it is: a list longer than needed only costs that look.
alter table taxii_collection add column spec_versions text[] not null default '{}';

update taxii_collection c
   set spec_versions = array(select distinct o.spec_version from stix_object o
                              where o.collection_id = c.id order by 1);
