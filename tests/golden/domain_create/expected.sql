-- create schema crm
CREATE SCHEMA crm;

-- create enum public.mood
CREATE TYPE public.mood AS ENUM ('happy', 'sad');

-- create domain public.email
CREATE DOMAIN public.email AS text NOT NULL CONSTRAINT email_check CHECK (value ~* '^[^@]+@[^@]+$');

-- create domain crm.work_email
CREATE DOMAIN crm.work_email AS public.email CONSTRAINT work_email_check CHECK (length(value) > 5);

-- create domain public.feeling
CREATE DOMAIN public.feeling AS public.mood DEFAULT 'happy';

-- create domain public.percent
CREATE DOMAIN public.percent AS integer CONSTRAINT percent_check CHECK (value >= 0) CONSTRAINT percent_check1 CHECK (value <= 100);

-- create domain public.positive_amount
CREATE DOMAIN public.positive_amount AS numeric(12,2) DEFAULT 0 CONSTRAINT amount_positive CHECK (value >= 0);

-- create domain public.tags
CREATE DOMAIN public.tags AS character varying(20)[] CONSTRAINT tags_check CHECK (cardinality(value) < 10);

-- set comment on domain public.email
COMMENT ON DOMAIN public.email IS 'An e-mail address.';
