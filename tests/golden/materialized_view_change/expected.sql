-- drop materialized view public.layer_counts [blocks-reads]
DROP MATERIALIZED VIEW public.layer_counts;

-- drop view public.layer_ids
DROP VIEW public.layer_ids;

-- create materialized view public.layer_counts [rewrites-table, blocks-reads]
CREATE MATERIALIZED VIEW public.layer_counts AS select kind, count(*) as total from layers group by kind;

-- create materialized view public.layer_ids [rewrites-table, blocks-reads]
CREATE MATERIALIZED VIEW public.layer_ids AS select id from layers;
