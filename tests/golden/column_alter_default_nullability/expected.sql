-- alter table public.tasks [blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.tasks
  ALTER COLUMN status SET DEFAULT 'new',
  ALTER COLUMN status SET NOT NULL,
  ALTER COLUMN priority SET DEFAULT 3,
  ALTER COLUMN note DROP NOT NULL;
