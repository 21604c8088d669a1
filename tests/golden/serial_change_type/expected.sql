-- alter sequence public.users_id_seq
ALTER SEQUENCE public.users_id_seq AS bigint MAXVALUE 9223372036854775807;

-- alter sequence public.users_seen_seq
ALTER SEQUENCE public.users_seen_seq AS integer MAXVALUE 2147483647;

-- alter table public.users [rewrites-table, blocks-writes, blocks-reads]
ALTER TABLE public.users
  ALTER COLUMN id DROP DEFAULT,
  ALTER COLUMN id TYPE bigint USING id::bigint,
  ALTER COLUMN id SET DEFAULT nextval('users_id_seq'),
  ALTER COLUMN seen DROP DEFAULT,
  ALTER COLUMN seen TYPE integer USING seen::integer,
  ALTER COLUMN seen SET DEFAULT nextval('users_seen_seq');
