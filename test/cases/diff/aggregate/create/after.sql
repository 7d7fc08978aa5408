CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE FUNCTION public.first_agg(anyelement, anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$SELECT $1$$;
CREATE AGGREGATE public.first(anyelement) (SFUNC = public.first_agg, STYPE = anyelement, PARALLEL = SAFE);
COMMENT ON AGGREGATE public.first(anyelement) IS 'the first value in input order';
REVOKE EXECUTE ON FUNCTION public.first(anyelement) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.first(anyelement) TO authenticated;
