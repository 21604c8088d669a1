-- drop foreign key posts_author_id_fkey on public.posts
ALTER TABLE public.posts DROP CONSTRAINT posts_author_id_fkey;

-- drop table public.comments [deletes-data]
DROP TABLE public.comments;
