-- rename constraint balance_ok on public.accounts to balance_not_negative
ALTER TABLE public.accounts RENAME CONSTRAINT balance_ok TO balance_not_negative;

-- rename constraint email_once on public.accounts to accounts_email_unique
ALTER TABLE public.accounts RENAME CONSTRAINT email_once TO accounts_email_unique;
