-- alter domain public.amount: set default 0
ALTER DOMAIN public.amount SET DEFAULT 0;

-- alter domain public.amount: set not null [blocks-writes, may-fail]
ALTER DOMAIN public.amount SET NOT NULL;

-- alter domain public.amount: drop check amount_check
ALTER DOMAIN public.amount DROP CONSTRAINT amount_check;

-- alter domain public.amount: add check amount_check [blocks-writes, may-fail]
ALTER DOMAIN public.amount ADD CONSTRAINT amount_check CHECK (value >= 0 and value < 1000000);

-- alter domain public.amount: add check amount_not_magic [blocks-writes, may-fail]
ALTER DOMAIN public.amount ADD CONSTRAINT amount_not_magic CHECK (value <> 42);

-- alter domain public.label: drop default
ALTER DOMAIN public.label DROP DEFAULT;

-- alter domain public.label: drop not null
ALTER DOMAIN public.label DROP NOT NULL;

-- alter domain public.label: drop check label_short
ALTER DOMAIN public.label DROP CONSTRAINT label_short;
