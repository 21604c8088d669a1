-- alter sequence public.invoice_no [may-fail]
ALTER SEQUENCE public.invoice_no AS integer MAXVALUE 2147483647;

-- alter sequence public.order_no
ALTER SEQUENCE public.order_no AS bigint MAXVALUE 9223372036854775807;

-- alter sequence public.step_seq
ALTER SEQUENCE public.step_seq INCREMENT BY 5 CACHE 20;

-- alter sequence public.ticket_no
ALTER SEQUENCE public.ticket_no MAXVALUE 9000 NO CYCLE;
