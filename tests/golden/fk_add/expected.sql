-- add column public.posts.editor_id
ALTER TABLE public.posts ADD COLUMN editor_id integer;

-- add foreign key posts_author_id_fkey on public.posts [blocks-writes, may-fail]
ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.users (id) ON DELETE CASCADE;

-- add foreign key posts_editor_id_fkey on public.posts [blocks-writes, may-fail]
ALTER TABLE public.posts ADD CONSTRAINT posts_editor_id_fkey FOREIGN KEY (editor_id) REFERENCES public.users (id);
