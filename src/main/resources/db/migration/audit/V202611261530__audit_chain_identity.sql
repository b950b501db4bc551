-- The chain's identity, written into every exported head: heads of another chain (a replaced
-- database, a test run) are set apart instead of being mistaken for tampering.
create table audit_chain
(
  id         uuid primary key,
  started_at timestamptz not null
);
insert into audit_chain (id, started_at) values (gen_random_uuid(), now());
