-- drop foreign key posts_author_id_fkey on public.posts
ALTER TABLE public.posts DROP CONSTRAINT posts_author_id_fkey;

-- add foreign key posts_author_id_fkey on public.posts [blocks-writes, may-fail]
ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.users (id) ON DELETE SET NULL;
