-- create schema extensions
CREATE SCHEMA extensions;

-- create extension postgis
CREATE EXTENSION postgis WITH SCHEMA extensions;

-- create table public.sites
CREATE TABLE public.sites (
  id integer NOT NULL,
  location extensions.geometry(Point,4326) NOT NULL,
  area extensions.geography(Polygon,4326),
  CONSTRAINT sites_pkey PRIMARY KEY (id)
);

-- create index sites_area_idx on public.sites
CREATE INDEX sites_area_idx ON public.sites USING gist (area);

-- create index sites_location_gix on public.sites
CREATE INDEX sites_location_gix ON public.sites USING gist (location);
