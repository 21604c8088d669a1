-- drop check items_price_check on public.items
ALTER TABLE public.items DROP CONSTRAINT items_price_check;

-- add check items_price_check on public.items [blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.items ADD CONSTRAINT items_price_check CHECK (price >= 0 and price < 1000000);
