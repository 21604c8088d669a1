-- rename sequence public.old_seq to new_seq
ALTER SEQUENCE public.old_seq RENAME TO new_seq;

-- rename sequence x.s1 to s2
ALTER SEQUENCE x.s1 RENAME TO s2;
