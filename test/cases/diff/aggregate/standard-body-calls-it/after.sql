CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
CREATE FUNCTION public.sample_total() RETURNS integer LANGUAGE sql IMMUTABLE RETURN (SELECT public.total(x) FROM (VALUES (1), (2)) v(x));
