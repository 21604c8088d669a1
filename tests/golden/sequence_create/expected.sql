-- create schema billing
CREATE SCHEMA billing;

-- create sequence billing.batch_no
CREATE SEQUENCE billing.batch_no;

-- create sequence public.countdown
CREATE SEQUENCE public.countdown AS integer INCREMENT BY -1 MINVALUE 0 MAXVALUE 100 START WITH 100;

-- create sequence public.invoice_no
CREATE SEQUENCE public.invoice_no MAXVALUE 999999 START WITH 1000 CYCLE;

-- create sequence public.small_seq
CREATE SEQUENCE public.small_seq AS smallint CACHE 10;

-- create table public.invoices
CREATE TABLE public.invoices (
  id bigint DEFAULT nextval('invoice_no') NOT NULL,
  sequence integer,
  domain text,
  CONSTRAINT invoices_pkey PRIMARY KEY (id)
);

-- set comment on sequence public.invoice_no
COMMENT ON SEQUENCE public.invoice_no IS 'Invoice numbers.';
