-- drop column public.t.a [deletes-data]
ALTER TABLE public.t DROP COLUMN a;

-- drop domain public.aa [may-fail]
DROP DOMAIN public.aa;

-- drop sequence public.zz [deletes-data]
DROP SEQUENCE public.zz;
