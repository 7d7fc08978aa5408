CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0', COMBINEFUNC = int4pl, PARALLEL = SAFE);
COMMENT ON AGGREGATE public.total(integer) IS 'sum of points, 0 for none';
GRANT EXECUTE ON FUNCTION public.total(integer) TO authenticated;
