-- drop foreign key people_team_id_fkey on public.people
ALTER TABLE public.people DROP CONSTRAINT people_team_id_fkey;

-- drop foreign key teams_captain_id_fkey on public.teams
ALTER TABLE public.teams DROP CONSTRAINT teams_captain_id_fkey;

-- drop table public.people [deletes-data]
DROP TABLE public.people;

-- drop table public.teams [deletes-data]
DROP TABLE public.teams;

-- create table public.audit
CREATE TABLE public.audit (
  id integer NOT NULL,
  CONSTRAINT audit_pkey PRIMARY KEY (id)
);
