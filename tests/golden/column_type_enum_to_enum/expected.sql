-- create enum public.new_status
CREATE TYPE public.new_status AS ENUM ('a', 'b');

-- alter column public.items.status: type public.new_status [rewrites-table, blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.items ALTER COLUMN status TYPE public.new_status USING status::text::public.new_status;

-- drop enum public.old_status
DROP TYPE public.old_status;
