-- create table public.events
CREATE TABLE public.events (
  id integer NOT NULL,
  user_id integer NOT NULL,
  at timestamp with time zone NOT NULL,
  kind text,
  payload jsonb,
  CONSTRAINT events_pkey PRIMARY KEY (id)
);

-- create index events_at_idx on public.events
CREATE INDEX events_at_idx ON public.events USING brin (at);

-- create index events_kind_at_key on public.events
CREATE UNIQUE INDEX events_kind_at_key ON public.events (kind, at) INCLUDE (payload);

-- create index events_kind_idx on public.events
CREATE INDEX events_kind_idx ON public.events (kind NULLS FIRST);

-- create index events_payload_idx on public.events
CREATE INDEX events_payload_idx ON public.events USING gin (payload jsonb_path_ops);

-- create index events_user_id_at_idx on public.events
CREATE INDEX events_user_id_at_idx ON public.events (user_id, at DESC);

-- create index events_user_id_idx on public.events
CREATE INDEX events_user_id_idx ON public.events (user_id);
