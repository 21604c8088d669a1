-- set comment on table public.users
COMMENT ON TABLE public.users IS 'New table comment.';

-- set comment on column public.users.email
COMMENT ON COLUMN public.users.email IS 'new';

-- remove comment on column public.users.name
COMMENT ON COLUMN public.users.name IS NULL;
