-- create table public.people
CREATE TABLE public.people (
  id integer NOT NULL,
  team_id integer,
  mentor integer,
  CONSTRAINT people_pkey PRIMARY KEY (id),
  CONSTRAINT people_mentor_fkey FOREIGN KEY (mentor) REFERENCES public.people (id)
);

-- create table public.teams
CREATE TABLE public.teams (
  id integer NOT NULL,
  captain_id integer,
  CONSTRAINT teams_pkey PRIMARY KEY (id)
);

-- add foreign key people_team_id_fkey on public.people
ALTER TABLE public.people ADD CONSTRAINT people_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams (id);

-- add foreign key teams_captain_id_fkey on public.teams
ALTER TABLE public.teams ADD CONSTRAINT teams_captain_id_fkey FOREIGN KEY (captain_id) REFERENCES public.people (id);
