-- create table public.users
CREATE TABLE public.users (
  id integer NOT NULL,
  email text NOT NULL,
  CONSTRAINT users_pkey PRIMARY KEY (id)
);

-- create table public.maps
CREATE TABLE public.maps (
  id integer NOT NULL,
  name text NOT NULL,
  owner_id integer,
  view text,
  CONSTRAINT maps_pkey PRIMARY KEY (id),
  CONSTRAINT maps_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.users (id)
);

-- create view public.map_owners
CREATE VIEW public.map_owners AS select m.id, m.name, u.email from maps m join users u on u.id = m.owner_id;

-- create view public.owner_emails
CREATE VIEW public.owner_emails AS select distinct email from map_owners;

-- set comment on view public.map_owners
COMMENT ON VIEW public.map_owners IS 'Maps with their owner''s e-mail.';
