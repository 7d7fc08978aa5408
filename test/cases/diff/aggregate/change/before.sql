CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = integer);
COMMENT ON AGGREGATE public.total(integer) IS 'sum of points';
GRANT EXECUTE ON FUNCTION public.total(integer) TO authenticated;
