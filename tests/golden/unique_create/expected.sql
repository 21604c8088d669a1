-- create table public.users
CREATE TABLE public.users (
  id integer NOT NULL,
  email text NOT NULL,
  handle text,
  org integer NOT NULL,
  slug text NOT NULL,
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_email_key UNIQUE (email),
  CONSTRAINT users_handle_key UNIQUE (handle),
  CONSTRAINT users_handle_org_uq UNIQUE (handle, org),
  CONSTRAINT users_org_slug_key UNIQUE (org, slug)
);
