-- Subscriptions to remote TAXII 2.1 collections: Mamori polls each one and stores what it receives
-- in one of its own collections, on behalf of one organisation.
create table taxii_subscription (
  id                      uuid primary key,
  title                   text not null,
  -- the remote collection's address, ending in a slash: objects/ is appended
  remote_url              text not null,
  auth_kind               text not null check (auth_kind in ('NONE', 'BEARER', 'BASIC')),
  auth_user               text,
  -- the bearer token or password, sealed with the key ring (SecretBox); never shown back
  sealed_secret           text,
  poll_interval_seconds   int not null check (poll_interval_seconds >= 60),
  -- the strictest marking accepted; TLP:RED is refused whatever it is
  marking_ceiling         text not null check (marking_ceiling in ('GREEN', 'AMBER', 'AMBER_STRICT')),
  target_collection       uuid not null references taxii_collection (id),
  receiving_organisation  uuid not null,
  enabled                 boolean not null,
  -- the remote's date_added of the last object received, exactly as the remote wrote it; advanced
  -- in the same transaction as the page it ends, so a poll resumes exactly where it stopped
  high_water_mark         text,
  -- when the next poll is due
  next_poll_at            timestamptz not null,
  -- set while a node polls: other nodes leave the subscription alone until then, and take over
  -- after it if that node died
  polling_until           timestamptz,
  last_poll_at            timestamptz,
  last_success_at         timestamptz,
  last_error_at           timestamptz,
  last_error_status       int,
  last_error              text,
  consecutive_failures    int not null default 0,
  last_stored             int not null default 0,
  last_unchanged          int not null default 0,
  last_above_ceiling      int not null default 0,
  last_refused            int not null default 0,
  created_at              timestamptz not null,
  updated_at              timestamptz not null
);

create index taxii_subscription_due on taxii_subscription (next_poll_at) where enabled;

-- Objects a subscription did not store, and why: the most recent ones are kept for its page.
create table taxii_subscription_refusal (
  id               bigserial primary key,
  subscription_id  uuid not null references taxii_subscription (id) on delete cascade,
  object_id        text not null,
  version          text not null,
  reason           text not null,
  refused_at       timestamptz not null
);

create index taxii_subscription_refusal_latest on taxii_subscription_refusal (subscription_id, id desc);

-- Which stored versions came in through which subscription, and when.
create table taxii_received (
  object_row       bigint primary key references stix_object (id) on delete cascade,
  subscription_id  uuid not null references taxii_subscription (id) on delete cascade,
  -- the object's name or title, read once on arrival so the received list never parses JSON
  label            text not null,
  received_at      timestamptz not null
);

create index taxii_received_newest on taxii_received (received_at desc, object_row desc);
