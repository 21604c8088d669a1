-- alter table public.sites [rewrites-table, blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.sites
  ALTER COLUMN location TYPE extensions.geometry(Point,3857) USING extensions.st_transform(location, 3857),
  ALTER COLUMN raw TYPE extensions.geometry(Point,4326) USING extensions.st_setsrid(raw, 4326);
