-- drop view public.map_names
DROP VIEW public.map_names;

-- alter column public.maps.name: type text
ALTER TABLE public.maps ALTER COLUMN name TYPE text USING name::text;

-- create view public.map_names
CREATE VIEW public.map_names AS select id, name from maps;
