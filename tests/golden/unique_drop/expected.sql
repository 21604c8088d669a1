-- drop unique users_email_key on public.users
ALTER TABLE public.users DROP CONSTRAINT users_email_key;
