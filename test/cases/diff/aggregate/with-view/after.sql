CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE FUNCTION public.first_agg(anyelement, anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$SELECT $1$$;
CREATE AGGREGATE public.first(anyelement) (SFUNC = public.first_agg, STYPE = anyelement);
CREATE VIEW public.first_scores AS SELECT player, public.first(points ORDER BY id) AS first_points FROM public.scores GROUP BY player;
