-- drop index public.users_email_idx
DROP INDEX public.users_email_idx;
