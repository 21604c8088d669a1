-- add column public.items.qty
ALTER TABLE public.items ADD COLUMN qty integer DEFAULT 1 NOT NULL;

-- add check items_price_check on public.items [blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.items ADD CONSTRAINT items_price_check CHECK (price > 0);

-- add check items_qty_check on public.items [blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.items ADD CONSTRAINT items_qty_check CHECK (qty >= 1);
