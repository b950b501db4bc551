-- Sign-in secrets: owned by the access module, keyed by the directory's person id.
create table credential
(
  person_id           uuid primary key references person (id) on delete cascade,
  password_hash       text,
  password_changed_at timestamptz,
  -- the TOTP secret is encrypted with a key kept outside the database
  totp_secret         text,
  totp_confirmed_at   timestamptz,
  -- the last accepted TOTP time step, so a code is never accepted twice
  totp_last_step      bigint,
  oidc_subject        text unique,
  last_acting_for     uuid,
  last_signed_in_at   timestamptz
);

-- Failed sign-ins per e-mail address (known or not), so lockout works across nodes and restarts.
create table sign_in_throttle
(
  email_key         text primary key,
  failures          int         not null,
  window_started_at timestamptz not null,
  locked_until      timestamptz
);

-- Personal API tokens: only a SHA-256 hash of the secret is kept.
create table api_token
(
  id              uuid primary key,
  person_id       uuid        not null references person (id) on delete cascade,
  organisation_id uuid        not null references organisation (id),
  name            text        not null,
  token_prefix    text        not null,
  token_hash      text        not null unique,
  scope           text        not null check (scope in ('READ', 'WRITE')),
  created_at      timestamptz not null,
  expires_at      timestamptz not null,
  last_used_at    timestamptz,
  revoked_at      timestamptz
);
create index api_token_by_person on api_token (person_id);

-- One-time links to set a password: the first administrator's, and invitations.
create table setup_link
(
  token_hash text primary key,
  person_id  uuid        not null references person (id) on delete cascade,
  purpose    text        not null check (purpose in ('BOOTSTRAP', 'INVITATION', 'RESET')),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at    timestamptz
);
