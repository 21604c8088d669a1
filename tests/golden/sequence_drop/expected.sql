-- drop table public.lines [deletes-data]
DROP TABLE public.lines;

-- alter column public.orders.id: drop default
ALTER TABLE public.orders ALTER COLUMN id DROP DEFAULT;

-- drop sequence public.order_no [deletes-data]
DROP SEQUENCE public.order_no;
