-- create schema reports
CREATE SCHEMA reports;

-- create enum public.layer_kind
CREATE TYPE public.layer_kind AS ENUM ('vector', 'raster');

-- create table public.maps
CREATE TABLE public.maps (
  id integer NOT NULL,
  name text,
  CONSTRAINT maps_pkey PRIMARY KEY (id)
);

-- create table public.users
CREATE TABLE public.users (
  id integer NOT NULL,
  email text NOT NULL,
  kind public.layer_kind,
  CONSTRAINT users_pkey PRIMARY KEY (id)
);

-- create table reports.daily
CREATE TABLE reports.daily (
  day date NOT NULL,
  CONSTRAINT daily_pkey PRIMARY KEY (day)
);

-- create index users_email_idx on public.users
CREATE INDEX users_email_idx ON public.users (email);

-- set comment on enum public.layer_kind
COMMENT ON TYPE public.layer_kind IS 'Kinds of map layer.';

-- set comment on table public.maps
COMMENT ON TABLE public.maps IS 'A user''s map';

-- set comment on table public.users
COMMENT ON TABLE public.users IS 'Accounts that can sign in.';

-- set comment on column public.users.email
COMMENT ON COLUMN public.users.email IS 'Login name; it''s unique';

-- set comment on column public.users.id
COMMENT ON COLUMN public.users.id IS 'Surrogate key.';

-- set comment on index public.users_email_idx
COMMENT ON INDEX public.users_email_idx IS 'Lookup by email.';

-- set comment on schema reports
COMMENT ON SCHEMA reports IS 'Reporting objects.
Second line of the comment.';

-- set comment on table reports.daily
COMMENT ON TABLE reports.daily IS 'Daily totals,
one row per day.';
