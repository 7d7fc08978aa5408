SET check_function_bodies = false;

CREATE FUNCTION "public"."first_agg"(anyelement, anyelement) RETURNS anyelement LANGUAGE "sql" IMMUTABLE STRICT PARALLEL SAFE
AS $$SELECT $1$$;

CREATE AGGREGATE "public"."first"(anyelement) (SFUNC = public.first_agg, STYPE = anyelement, PARALLEL = SAFE);

REVOKE EXECUTE ON FUNCTION "public"."first"(anyelement) FROM PUBLIC;

COMMENT ON AGGREGATE "public"."first"(anyelement) IS 'the first value in input order';
