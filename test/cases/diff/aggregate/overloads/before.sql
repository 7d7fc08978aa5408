CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = integer);
