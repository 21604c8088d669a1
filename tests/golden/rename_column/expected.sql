-- rename column public.maps.caption to title
ALTER TABLE public.maps RENAME COLUMN caption TO title;

-- rename constraint maps_owner_fkey on public.maps to maps_owner_id_fkey
ALTER TABLE public.maps RENAME CONSTRAINT maps_owner_fkey TO maps_owner_id_fkey;

-- rename column public.maps.owner to owner_id
ALTER TABLE public.maps RENAME COLUMN owner TO owner_id;
