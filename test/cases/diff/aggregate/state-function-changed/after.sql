CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE FUNCTION public.add_points(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$SELECT a + b$$;
CREATE AGGREGATE public.total(integer) (SFUNC = public.add_points, STYPE = integer);
CREATE VIEW public.totals AS SELECT player, public.total(points) AS total FROM public.scores GROUP BY player;
