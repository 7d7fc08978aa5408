CREATE TABLE public.scores (id integer PRIMARY KEY, points integer NOT NULL);
CREATE FUNCTION public.bonus(p integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$SELECT p + 1$$;
CREATE VIEW public.scored AS SELECT id, public.bonus(points) AS total FROM public.scores;
GRANT SELECT ON public.scored TO authenticated;
COMMENT ON VIEW public.scored IS 'with bonus';
