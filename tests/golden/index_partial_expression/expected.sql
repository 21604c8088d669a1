-- create table public.users
CREATE TABLE public.users (
  id integer NOT NULL,
  email character varying(200) NOT NULL,
  deleted_at timestamp with time zone,
  score integer,
  CONSTRAINT users_pkey PRIMARY KEY (id)
);

-- create index users_email_lower_key on public.users
CREATE UNIQUE INDEX users_email_lower_key ON public.users ((lower(email))) WHERE (deleted_at IS NULL);

-- create index users_expr_idx on public.users
CREATE INDEX users_expr_idx ON public.users ((score * 2)) WHERE (score > 0);

-- create index users_lower_idx on public.users
CREATE INDEX users_lower_idx ON public.users ((lower(email)));
