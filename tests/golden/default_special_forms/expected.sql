-- create table public.events
CREATE TABLE public.events (
  id integer NOT NULL,
  at timestamp with time zone DEFAULT now() - interval '1 day' NOT NULL,
  day date DEFAULT current_date,
  ts timestamp without time zone DEFAULT localtimestamp,
  until timestamp with time zone DEFAULT now() + '1 hour'::interval,
  label character varying(10) DEFAULT 'x'::varchar(10),
  amount numeric(10,2) DEFAULT cast(1.5 as numeric),
  tags text[] DEFAULT array['a', 'b'],
  who text DEFAULT current_user,
  span interval DEFAULT interval '1 day',
  year integer DEFAULT extract(year from now()),
  j jsonb DEFAULT '{"a": 1}'::jsonb,
  big bigint DEFAULT (2 ^ 31)::bigint,
  since date DEFAULT date '2000-01-01',
  code text DEFAULT substring(md5('x') from 1 for 8),
  n integer DEFAULT coalesce(null, 7),
  CONSTRAINT events_pkey PRIMARY KEY (id)
);
