-- drop view public.map_names
DROP VIEW public.map_names;

-- drop view public.old_layer_ids
DROP VIEW public.old_layer_ids;

-- drop table public.old_layers [deletes-data]
DROP TABLE public.old_layers;

-- drop column public.maps.legacy [deletes-data]
ALTER TABLE public.maps DROP COLUMN legacy;

-- create view public.map_names
CREATE VIEW public.map_names AS select id, name from maps;
