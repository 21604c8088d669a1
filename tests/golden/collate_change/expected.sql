-- alter table public.words [rewrites-table, blocks-writes, blocks-reads]
ALTER TABLE public.words
  ALTER COLUMN word TYPE text COLLATE "C" USING word::text,
  ALTER COLUMN sort TYPE text USING sort::text;
