-- drop materialized view public.map_count [blocks-reads]
DROP MATERIALIZED VIEW public.map_count;

-- drop view public.map_names
DROP VIEW public.map_names;
