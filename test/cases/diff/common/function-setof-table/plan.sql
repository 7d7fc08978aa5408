SET check_function_bodies = false;

DROP FUNCTION "public"."names"();

CREATE FUNCTION "public"."names"() RETURNS TABLE(id integer, name text) LANGUAGE "sql" STABLE
AS $$SELECT id, name FROM public.t$$;
