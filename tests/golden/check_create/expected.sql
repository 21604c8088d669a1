-- create enum public.status
CREATE TYPE public.status AS ENUM ('draft', 'published');

-- create table public.items
CREATE TABLE public.items (
  id integer NOT NULL,
  name text NOT NULL,
  price numeric(12,2),
  discount numeric(12,2) DEFAULT 0,
  qty integer,
  code character varying(10),
  state public.status DEFAULT 'draft' NOT NULL,
  kind text,
  starts date,
  ends date,
  CONSTRAINT items_pkey PRIMARY KEY (id),
  CONSTRAINT items_check CHECK (discount <= price),
  CONSTRAINT items_check1 CHECK (state <> 'draft' or name <> ''),
  CONSTRAINT items_code_check CHECK (code LIKE 'A%' OR code IS NULL),
  CONSTRAINT items_dates_ok CHECK ((ends IS NULL) OR (ends > starts)),
  CONSTRAINT items_kind_check CHECK (kind IN ('a', 'b', 'c')),
  CONSTRAINT items_name_check CHECK (length(name) > 0),
  CONSTRAINT items_price_check CHECK (price >= 0),
  CONSTRAINT items_qty_check CHECK (qty BETWEEN 1 AND 100)
);
