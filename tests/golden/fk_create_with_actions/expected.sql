-- create schema app
CREATE SCHEMA app;

-- create table public.users
CREATE TABLE public.users (
  id integer NOT NULL,
  CONSTRAINT users_pkey PRIMARY KEY (id)
);

-- create table app.maps
CREATE TABLE app.maps (
  id integer NOT NULL,
  owner_id integer,
  name text NOT NULL,
  CONSTRAINT maps_pkey PRIMARY KEY (id),
  CONSTRAINT maps_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.users (id) ON DELETE SET NULL
);

-- create table public.map_layers
CREATE TABLE public.map_layers (
  map_id integer NOT NULL,
  layer_id integer NOT NULL,
  owner_id integer,
  z_index integer DEFAULT 0 NOT NULL,
  CONSTRAINT map_layers_pkey PRIMARY KEY (map_id, layer_id),
  CONSTRAINT map_layers_map_id_fkey FOREIGN KEY (map_id) REFERENCES app.maps (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  CONSTRAINT map_layers_owner_fk FOREIGN KEY (owner_id) REFERENCES public.users (id) DEFERRABLE INITIALLY DEFERRED
);

-- create table public.layer_refs
CREATE TABLE public.layer_refs (
  map_id integer,
  layer_id integer,
  CONSTRAINT layer_refs_map_id_layer_id_fkey FOREIGN KEY (map_id, layer_id) REFERENCES public.map_layers (map_id, layer_id) ON DELETE CASCADE
);
