-- create enum public.layer_kind
CREATE TYPE public.layer_kind AS ENUM ('vector', 'raster', 'wms');

-- create table public.layers
CREATE TABLE public.layers (
  id integer NOT NULL,
  kind public.layer_kind NOT NULL,
  CONSTRAINT layers_pkey PRIMARY KEY (id)
);

-- create materialized view public.layer_counts
CREATE MATERIALIZED VIEW public.layer_counts AS select kind, count(*) as n from layers group by kind;

-- set comment on materialized view public.layer_counts
COMMENT ON MATERIALIZED VIEW public.layer_counts IS 'How many layers of each kind.';
