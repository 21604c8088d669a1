-- drop check items_price_check on public.items
ALTER TABLE public.items DROP CONSTRAINT items_price_check;
