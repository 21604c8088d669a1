-- alter table public.users
ALTER TABLE public.users
  ADD COLUMN bio text,
  ADD COLUMN visits integer DEFAULT 0 NOT NULL,
  ADD COLUMN created_at timestamp with time zone DEFAULT now();
