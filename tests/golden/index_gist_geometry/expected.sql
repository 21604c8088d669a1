-- create extension postgis
CREATE EXTENSION postgis;

-- create table public.places
CREATE TABLE public.places (
  id integer NOT NULL,
  geom public.geometry(Point,4326) NOT NULL,
  region public.geography(MultiPolygon,4326),
  CONSTRAINT places_pkey PRIMARY KEY (id)
);

-- create index places_geom_gix on public.places
CREATE INDEX places_geom_gix ON public.places USING gist (geom);

-- create index places_region_idx on public.places
CREATE INDEX places_region_idx ON public.places USING gist (region) WHERE (region is not null);
