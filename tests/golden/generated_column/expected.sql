-- create extension postgis
CREATE EXTENSION postgis;

-- create table public.parcels
CREATE TABLE public.parcels (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  width_m numeric(10,2) NOT NULL,
  length_m numeric(10,2) NOT NULL,
  area_m2 numeric GENERATED ALWAYS AS (width_m * length_m) STORED,
  name text NOT NULL,
  slug text GENERATED ALWAYS AS (lower(replace(name, ' ', '-'))) STORED,
  boundary public.geometry(Polygon,4326),
  centroid public.geometry(Point,4326) GENERATED ALWAYS AS (ST_Centroid(boundary)) STORED,
  CONSTRAINT parcels_pkey PRIMARY KEY (id)
);
