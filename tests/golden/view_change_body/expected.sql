-- drop view public.map_name_list
DROP VIEW public.map_name_list;

-- drop view public.map_names
DROP VIEW public.map_names;

-- create view public.map_names
CREATE VIEW public.map_names AS select id, name, owner_id from maps where owner_id is not null;

-- create view public.map_name_list
CREATE VIEW public.map_name_list AS select name from map_names;
