-- create extension postgis
CREATE EXTENSION postgis;

-- create table public.sites
CREATE TABLE public.sites (
  id integer NOT NULL,
  geom public.geometry(Point,4326) DEFAULT st_setsrid(st_makepoint(0, 0), 4326) NOT NULL,
  area public.geometry(Polygon,4326),
  CONSTRAINT sites_pkey PRIMARY KEY (id),
  CONSTRAINT sites_area_check CHECK (area is null or geometrytype(area) = 'POLYGON'),
  CONSTRAINT sites_area_check1 CHECK (area is null or st_area(area::geography) > 0),
  CONSTRAINT sites_geom_check CHECK (st_isvalid(geom) and st_srid(geom) = 4326)
);

-- create index sites_geog_idx on public.sites
CREATE INDEX sites_geog_idx ON public.sites USING gist ((geom::geography));

-- create index sites_merc_idx on public.sites
CREATE INDEX sites_merc_idx ON public.sites USING gist ((st_transform(geom, 3857))) WHERE (st_x(geom) >= -180 and st_x(geom) <= 180);
