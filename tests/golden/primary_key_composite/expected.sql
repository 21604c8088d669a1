-- create table public.map_layers
CREATE TABLE public.map_layers (
  map_id integer NOT NULL,
  layer_id integer NOT NULL,
  z_index integer DEFAULT 0 NOT NULL,
  CONSTRAINT map_layers_pkey PRIMARY KEY (map_id, layer_id)
);
