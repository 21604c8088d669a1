-- drop index public.users_email_idx
DROP INDEX public.users_email_idx;

-- drop index public.users_org_idx
DROP INDEX public.users_org_idx;

-- create index users_email_idx on public.users [blocks-writes, may-fail]
CREATE UNIQUE INDEX users_email_idx ON public.users (email);

-- create index users_org_idx on public.users [blocks-writes]
CREATE INDEX users_org_idx ON public.users (org) WHERE (org is not null);
