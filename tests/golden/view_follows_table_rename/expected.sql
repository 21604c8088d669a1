-- rename table public.maps to charts
ALTER TABLE public.maps RENAME TO charts;

-- rename constraint maps_pkey on public.charts to charts_pkey
ALTER TABLE public.charts RENAME CONSTRAINT maps_pkey TO charts_pkey;

-- rename column public.charts.name to title
ALTER TABLE public.charts RENAME COLUMN name TO title;

-- drop view public.map_ids
DROP VIEW public.map_ids;

-- create view public.chart_titles
CREATE VIEW public.chart_titles AS select title from charts;

-- create view public.map_ids
CREATE VIEW public.map_ids AS select id from charts;
