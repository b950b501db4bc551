-- Notifications: in-app notices, the outbox of e-mails and webhook calls, people's preferences and
-- organisations' webhooks. A notice stores no content of the item it is about: every read path asks
-- the sharing module again what this reader may be told.

-- One in-app notice for one person, acting for one organisation. The key names the happening
-- ("report <id> reached <organisation>"), so an event delivered twice notifies once.
create table notification
(
  id                 uuid primary key,
  event_key          text        not null,
  recipient          uuid        not null references person (id),
  organisation_id    uuid        not null references organisation (id),
  kind               text        not null,
  variant            text        not null default '',
  urgent             boolean     not null,
  item_kind          text        not null check (item_kind in ('REPORT', 'ADVISORY')),
  item_id            uuid        not null,
  about_organisation uuid references organisation (id),
  created_at         timestamptz not null,
  read_at            timestamptz,
  unique (event_key, recipient)
);
create index notification_by_recipient on notification (recipient, created_at desc);
create index notification_unread on notification (recipient) where read_at is null;

-- The outbox: e-mails to people and webhook calls to organisations, written in the same transaction
-- as the in-app notices and sent afterwards by a poller on any node (SKIP LOCKED), with retries.
-- The recipient is the person (EMAIL) or the organisation (WEBHOOK).
create table notify_delivery
(
  id                 uuid primary key,
  event_key          text        not null,
  channel            text        not null check (channel in ('EMAIL', 'WEBHOOK')),
  recipient          uuid        not null,
  organisation_id    uuid        not null references organisation (id),
  kind               text        not null,
  variant            text        not null default '',
  urgent             boolean     not null,
  item_kind          text        not null check (item_kind in ('REPORT', 'ADVISORY')),
  item_id            uuid        not null,
  about_organisation uuid references organisation (id),
  created_at         timestamptz not null,
  state              text        not null check (state in ('PENDING', 'SENT', 'WITHHELD', 'FAILED')),
  attempts           int         not null default 0,
  -- when a pending delivery is next due; a claimed one is due again only if its sender vanished
  next_attempt_at    timestamptz not null,
  last_outcome       text        not null default '',
  sent_at            timestamptz,
  unique (event_key, channel, recipient)
);
create index notify_delivery_due on notify_delivery (next_attempt_at) where state = 'PENDING';
create index notify_delivery_by_organisation on notify_delivery (organisation_id, channel, created_at desc);

-- A person's choices: which kinds of notice to show in Mamori and to send by e-mail, and the
-- language of e-mails. No row means the defaults.
create table notify_preference
(
  id         uuid primary key references person (id),
  language   text        not null check (language in ('JA', 'EN')),
  in_app     text[]      not null,
  email      text[]      not null,
  updated_at timestamptz not null,
  version    bigint      not null
);

-- An organisation's webhook. The secret is sealed with a key kept outside the database; the person
-- who set it up is the reader on whose behalf the organisation's system is told anything.
create table notify_webhook
(
  id              uuid primary key,
  organisation_id uuid        not null unique references organisation (id),
  url             text        not null,
  secret          text        not null,
  configured_by   uuid        not null references person (id),
  configured_at   timestamptz not null,
  version         bigint      not null
);

-- Who issued an advisory, and by when it must be acknowledged, as its AdvisoryIssued event said:
-- acknowledgements and relays carry neither.
create table notify_advisory
(
  advisory_id    uuid primary key,
  issuer         uuid not null references organisation (id),
  acknowledge_by timestamptz
);
