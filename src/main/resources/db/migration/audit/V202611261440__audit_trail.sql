-- The audit trail. Append-only by convention and by grant in production (see README); tampering is
-- detected by the HMAC chain whatever the database permissions.
create table audit_entry
(
  position           bigint primary key check (position > 0),
  recorded_at        timestamptz not null,
  actor_person       uuid        not null,
  actor_organisation uuid        not null,
  action             text        not null,
  subject_type       text        not null,
  subject_id         text        not null,
  summary            text        not null,
  before_digest      text,
  after_digest       text,
  previous_mac       text        not null,
  mac                text        not null
);
create index audit_entry_by_subject on audit_entry (subject_type, subject_id);
create index audit_entry_by_actor_organisation on audit_entry (actor_organisation, position);
create index audit_entry_by_time on audit_entry (recorded_at);
