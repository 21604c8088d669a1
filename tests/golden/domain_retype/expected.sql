-- drop domain public.score
DROP DOMAIN public.score;

-- create domain public.score
CREATE DOMAIN public.score AS integer CONSTRAINT score_check CHECK (value >= 0);

-- set comment on domain public.score
COMMENT ON DOMAIN public.score IS 'Scores.';
