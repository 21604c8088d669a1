-- alter column public.users.email: type text [rewrites-table, blocks-writes, blocks-reads]
ALTER TABLE public.users ALTER COLUMN email TYPE text USING email::text;

-- drop domain public.email [may-fail]
DROP DOMAIN public.email;

-- drop domain public.unused [may-fail]
DROP DOMAIN public.unused;
