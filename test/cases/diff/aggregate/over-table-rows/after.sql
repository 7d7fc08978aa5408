CREATE TABLE public.other (id integer PRIMARY KEY);
CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE FUNCTION public.add_row(integer, public.scores) RETURNS integer LANGUAGE sql IMMUTABLE AS $$SELECT $1 + $2.points$$;
CREATE AGGREGATE public.total_points(public.scores) (SFUNC = public.add_row, STYPE = integer, INITCOND = '0');
CREATE VIEW public.board AS SELECT public.total_points(s) AS total FROM public.scores s;
