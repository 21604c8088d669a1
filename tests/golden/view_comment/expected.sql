-- remove comment on materialized view public.map_count
COMMENT ON MATERIALIZED VIEW public.map_count IS NULL;

-- set comment on view public.map_ids
COMMENT ON VIEW public.map_ids IS 'Just the ids.';

-- set comment on view public.map_names
COMMENT ON VIEW public.map_names IS 'Every map''s name.
It''s two lines.';
