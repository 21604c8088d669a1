-- create table public.users
CREATE TABLE public.users (
  id bigint NOT NULL,
  email text NOT NULL,
  nickname character varying(40),
  score numeric(12,2) DEFAULT 0,
  tags text[],
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT users_pkey PRIMARY KEY (id)
);
