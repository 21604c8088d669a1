-- create table public.people
CREATE TABLE public.people (
  id integer NOT NULL,
  email text NOT NULL,
  name character varying(80),
  born date,
  score integer,
  other integer,
  CONSTRAINT people_pkey PRIMARY KEY (id)
);

-- create index people_at_idx on public.people
CREATE INDEX people_at_idx ON public.people ((position('@' in email)));

-- create index people_big_idx on public.people
CREATE INDEX people_big_idx ON public.people ((cast(score as bigint)));

-- create index people_email_idx on public.people
CREATE INDEX people_email_idx ON public.people ((lower(email))) WHERE (score is distinct from other);

-- create index people_pattern_idx on public.people
CREATE INDEX people_pattern_idx ON public.people ((lower(email)) text_pattern_ops) WHERE (email ~ '^[a-z]' and score in (1, 2, 3));

-- create index people_prefix_idx on public.people
CREATE INDEX people_prefix_idx ON public.people ((substring(name from 1 for 3)));

-- create index people_range_idx on public.people
CREATE INDEX people_range_idx ON public.people (score) WHERE (name is not null and coalesce(score, 0) between 1 and 10);

-- create index people_recent_idx on public.people
CREATE INDEX people_recent_idx ON public.people (email) WHERE (born > date '2000-01-01');

-- create index people_score_idx on public.people
CREATE INDEX people_score_idx ON public.people ((coalesce(score, 0)));

-- create index people_short_idx on public.people
CREATE INDEX people_short_idx ON public.people ((name::varchar(10)));

-- create index people_tags_idx on public.people
CREATE INDEX people_tags_idx ON public.people (id) WHERE (array[score, other] <> array[0, 0]);

-- create index people_year_idx on public.people
CREATE INDEX people_year_idx ON public.people ((extract(year from born)));
