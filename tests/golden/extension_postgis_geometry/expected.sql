-- create extension postgis
CREATE EXTENSION postgis;

-- create table public.places
CREATE TABLE public.places (
  id integer NOT NULL,
  location public.geometry(Point,4326) NOT NULL,
  area public.geometry(MultiPolygon,4326),
  track public.geometry(LineStringZ,3857),
  anything public.geometry,
  route public.geography(LineString,4326),
  CONSTRAINT places_pkey PRIMARY KEY (id)
);
