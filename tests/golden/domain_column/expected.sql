-- create schema crm
CREATE SCHEMA crm;

-- create domain crm.phone
CREATE DOMAIN crm.phone AS text;

-- create domain public.code
CREATE DOMAIN public.code AS character varying(10);

-- create domain public.email
CREATE DOMAIN public.email AS text CONSTRAINT email_check CHECK (value ~* '^[^@]+@[^@]+$');

-- create table crm.contacts
CREATE TABLE crm.contacts (
  phone crm.phone,
  mail public.email
);

-- create table public.users
CREATE TABLE public.users (
  id integer NOT NULL,
  email public.email NOT NULL,
  alt public.email,
  code public.code,
  codes public.code[],
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_code_check CHECK (code <> '')
);
