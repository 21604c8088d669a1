-- create extension postgis
CREATE EXTENSION postgis;

-- create extension postgis_topology
CREATE EXTENSION postgis_topology;

-- create table public.roads
CREATE TABLE public.roads (
  id integer NOT NULL,
  path public.geometry(LineString,4326) NOT NULL,
  CONSTRAINT roads_pkey PRIMARY KEY (id)
);

-- create index roads_path_idx on public.roads
CREATE INDEX roads_path_idx ON public.roads USING gist (path);
