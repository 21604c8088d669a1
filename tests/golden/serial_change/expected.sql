-- create sequence public.tickets_id_seq
CREATE SEQUENCE public.tickets_id_seq AS integer;

-- alter table public.tickets
ALTER TABLE public.tickets
  ALTER COLUMN id SET DEFAULT nextval('tickets_id_seq'),
  ALTER COLUMN seq DROP DEFAULT;

-- set owner of sequence public.tickets_id_seq to public.tickets.id
ALTER SEQUENCE public.tickets_id_seq OWNED BY public.tickets.id;

-- drop sequence public.tickets_seq_seq [deletes-data]
DROP SEQUENCE public.tickets_seq_seq;
