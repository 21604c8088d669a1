-- drop index public.orders_code_idx
DROP INDEX public.orders_code_idx;

-- drop check orders_placed_check on public.orders
ALTER TABLE public.orders DROP CONSTRAINT orders_placed_check;

-- alter table public.orders [rewrites-table, blocks-writes, blocks-reads]
ALTER TABLE public.orders
  ALTER COLUMN qty SET DEFAULT cast(2 as integer),
  DROP COLUMN total,
  ADD COLUMN total bigint GENERATED ALWAYS AS (cast(coalesce(qty, 0) as bigint) * 3) STORED;

-- add check orders_placed_check on public.orders [blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.orders ADD CONSTRAINT orders_placed_check CHECK (placed > now() - interval '50 years');

-- create index orders_code_idx on public.orders [blocks-writes]
CREATE INDEX orders_code_idx ON public.orders ((cast(code as varchar(6))));
