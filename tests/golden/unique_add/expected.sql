-- add column public.users.slug
ALTER TABLE public.users ADD COLUMN slug text;

-- add unique users_email_key on public.users [blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email);

-- add unique users_org_email_key on public.users [blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.users ADD CONSTRAINT users_org_email_key UNIQUE (org, email);

-- add unique users_slug_key on public.users [blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.users ADD CONSTRAINT users_slug_key UNIQUE (slug);
