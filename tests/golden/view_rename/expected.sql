-- rename view public.maps_view to map_list
ALTER VIEW public.maps_view RENAME TO map_list;
