-- add column public.maps.title
ALTER TABLE public.maps ADD COLUMN title text;
