-- rename table public.people to users
ALTER TABLE public.people RENAME TO users;

-- rename constraint people_pkey on public.users to users_pkey
ALTER TABLE public.users RENAME CONSTRAINT people_pkey TO users_pkey;
