-- create sequence public.fresh_seq
CREATE SEQUENCE public.fresh_seq;

-- remove owner of sequence public.moved_seq
ALTER SEQUENCE public.moved_seq OWNED BY NONE;

-- drop table public.old_owner [deletes-data]
DROP TABLE public.old_owner;

-- create table public.new_owner
CREATE TABLE public.new_owner (
  id bigint DEFAULT nextval('moved_seq'),
  n integer
);

-- set owner of sequence public.fresh_seq to public.new_owner.n
ALTER SEQUENCE public.fresh_seq OWNED BY public.new_owner.n;

-- set owner of sequence public.moved_seq to public.new_owner.id
ALTER SEQUENCE public.moved_seq OWNED BY public.new_owner.id;

-- set owner of sequence public.ticket_seq to public.tickets.id
ALTER SEQUENCE public.ticket_seq OWNED BY public.tickets.id;
