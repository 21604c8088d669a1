-- drop table public.legacy [deletes-data]
DROP TABLE public.legacy;
