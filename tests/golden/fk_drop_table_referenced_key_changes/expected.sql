-- drop foreign key taggings_user_id_fkey on public.taggings
ALTER TABLE public.taggings DROP CONSTRAINT taggings_user_id_fkey;

-- drop primary key users_pkey on public.users
ALTER TABLE public.users DROP CONSTRAINT users_pkey;

-- drop table public.taggings [deletes-data]
DROP TABLE public.taggings;

-- alter table public.users [deletes-data, may-fail]
ALTER TABLE public.users
  DROP COLUMN id,
  ADD COLUMN user_id integer NOT NULL,
  ADD COLUMN name text;

-- add primary key users_pkey on public.users [blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.users ADD CONSTRAINT users_pkey PRIMARY KEY (user_id);
