-- alter column public.parcels.shape: type public.geometry(Polygon,3857) [rewrites-table, blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.parcels ALTER COLUMN shape TYPE public.geometry(Polygon,3857) USING st_transform(shape, 3857);
