-- drop table public.roads [deletes-data]
DROP TABLE public.roads;

-- drop extension postgis_topology [deletes-data, may-fail]
DROP EXTENSION postgis_topology;

-- drop extension postgis [deletes-data, may-fail]
DROP EXTENSION postgis;
