-- drop column public.users.legacy [deletes-data]
ALTER TABLE public.users DROP COLUMN legacy;
