CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = integer);
CREATE AGGREGATE public.total(bigint) (SFUNC = int8pl, STYPE = bigint);
CREATE AGGREGATE public.total(numeric) (SFUNC = numeric_add, STYPE = numeric, INITCOND = '0');
