-- When a person joined an organisation: the first organisation joined is the one a person acts for
-- on their first sign-in.
alter table membership add column joined_at timestamptz not null default now();
