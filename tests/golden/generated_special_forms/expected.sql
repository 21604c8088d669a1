-- create table public.measures
CREATE TABLE public.measures (
  id integer NOT NULL,
  email text NOT NULL,
  code text,
  born date,
  a integer,
  b integer,
  at_pos integer GENERATED ALWAYS AS (position('@' in email)) STORED,
  prefix text GENERATED ALWAYS AS (substring(code from 1 for 3)) STORED,
  born_y numeric GENERATED ALWAYS AS (extract(year from born)) STORED,
  total bigint GENERATED ALWAYS AS (cast(coalesce(a, 0) as bigint) + coalesce(b, 0)) STORED,
  differ boolean GENERATED ALWAYS AS (a is distinct from b) STORED,
  pair integer[] GENERATED ALWAYS AS (array[a, b]) STORED,
  sign text GENERATED ALWAYS AS (case when a > 0 then 'pos' when a < 0 then 'neg' else 'zero' end) STORED,
  short character varying(3) GENERATED ALWAYS AS (code::varchar(3)) STORED,
  CONSTRAINT measures_pkey PRIMARY KEY (id)
);
