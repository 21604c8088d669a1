-- alter table public.parcels [rewrites-table, blocks-writes, blocks-reads]
ALTER TABLE public.parcels
  DROP COLUMN area_m2,
  ADD COLUMN area_m2 numeric GENERATED ALWAYS AS (round(width_m * length_m, 1)) STORED,
  ALTER COLUMN perim_m DROP EXPRESSION,
  ADD COLUMN label text GENERATED ALWAYS AS ('parcel ' || id::text) STORED;
