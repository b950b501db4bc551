-- Large objects (a long description, a big report) are compressed with lz4 where the server has it:
-- several times faster than PostgreSQL's default (pglz), which costs a large TAXII POST tens of
-- milliseconds. Objects stored before keep their form; a server built without lz4 (the embedded
-- one) keeps pglz.
do $$
begin
  if exists (select 1 from pg_settings
              where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
    alter table stix_object alter column json set compression lz4;
  end if;
end
$$;
