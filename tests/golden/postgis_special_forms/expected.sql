-- create extension postgis
CREATE EXTENSION postgis;

-- create table public.sites
CREATE TABLE public.sites (
  id integer NOT NULL,
  geom public.geometry(Point,4326) DEFAULT ST_SetSRID(ST_MakePoint(0, 0), 4326) NOT NULL,
  area public.geometry(Polygon,4326),
  CONSTRAINT sites_pkey PRIMARY KEY (id),
  CONSTRAINT sites_area_check CHECK (area is null or geometrytype(area) = 'POLYGON'),
  CONSTRAINT sites_area_check1 CHECK (area is null or ST_Area(area::geography) > 0),
  CONSTRAINT sites_geom_check CHECK (ST_IsValid(geom) and ST_SRID(geom) = 4326)
);

-- create index sites_geog_idx on public.sites
CREATE INDEX sites_geog_idx ON public.sites USING gist ((geom::geography));

-- create index sites_merc_idx on public.sites
CREATE INDEX sites_merc_idx ON public.sites USING gist ((ST_Transform(geom, 3857))) WHERE (ST_X(geom) between -180 and 180);
