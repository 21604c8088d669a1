-- create extension pgcrypto
CREATE EXTENSION pgcrypto;

-- create table public.tokens
CREATE TABLE public.tokens (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  digest bytea NOT NULL,
  CONSTRAINT tokens_pkey PRIMARY KEY (id)
);
