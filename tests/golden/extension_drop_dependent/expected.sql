-- drop table public.tiles [deletes-data]
DROP TABLE public.tiles;

-- drop extension postgis_raster [deletes-data, may-fail]
DROP EXTENSION postgis_raster;

-- drop extension postgis [deletes-data, may-fail]
DROP EXTENSION postgis;
