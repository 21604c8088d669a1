-- drop view public.fives
DROP VIEW public.fives;

-- alter column public.items.code: type integer [rewrites-table, blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.items ALTER COLUMN code TYPE integer USING code::integer;

-- create view public.fives
CREATE VIEW public.fives AS select id from items where code = '5';
