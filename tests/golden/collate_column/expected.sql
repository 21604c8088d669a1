-- create table public.words
CREATE TABLE public.words (
  id integer NOT NULL,
  word text COLLATE "C" NOT NULL,
  display character varying(80) COLLATE "POSIX",
  tags text[] COLLATE "C",
  CONSTRAINT words_pkey PRIMARY KEY (id)
);

-- create index words_word_idx on public.words
CREATE INDEX words_word_idx ON public.words (word);
