-- create enum public.mood
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');

-- create table public.people
CREATE TABLE public.people (
  id integer NOT NULL,
  mood public.mood DEFAULT 'ok' NOT NULL,
  CONSTRAINT people_pkey PRIMARY KEY (id)
);
