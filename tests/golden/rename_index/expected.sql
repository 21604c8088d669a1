-- rename index public.users_email_idx to users_email_ix
ALTER INDEX public.users_email_idx RENAME TO users_email_ix;
