-- alter table public.measurements [rewrites-table, blocks-writes, blocks-reads]
ALTER TABLE public.measurements
  ALTER COLUMN value TYPE bigint USING value::bigint,
  ALTER COLUMN label TYPE character varying(80) USING label::character varying(80),
  ALTER COLUMN ratio TYPE double precision USING ratio::double precision;
