-- create schema ops
CREATE SCHEMA ops;

-- create table ops.jobs
CREATE TABLE ops.jobs (
  id bigserial NOT NULL,
  name text,
  CONSTRAINT jobs_pkey PRIMARY KEY (id)
);

-- create table public.tickets
CREATE TABLE public.tickets (
  id serial NOT NULL,
  big_no bigserial NOT NULL,
  small smallserial NOT NULL,
  title text NOT NULL,
  CONSTRAINT tickets_pkey PRIMARY KEY (id)
);
