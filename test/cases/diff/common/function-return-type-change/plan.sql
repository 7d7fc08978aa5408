SET check_function_bodies = false;

DROP FUNCTION "public"."f"();

CREATE FUNCTION "public"."f"() RETURNS text LANGUAGE "sql" VOLATILE
AS $$SELECT '1'$$;
