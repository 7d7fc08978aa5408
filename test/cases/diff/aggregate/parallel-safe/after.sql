CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE AGGREGATE public.product(numeric) (SFUNC = numeric_mul, STYPE = numeric, INITCOND = '1', COMBINEFUNC = numeric_mul, PARALLEL = SAFE);
