SET check_function_bodies = false;

DROP FUNCTION "app"."ping"();

CREATE FUNCTION "app"."ping"() RETURNS integer LANGUAGE "sql" VOLATILE
AS $$SELECT 1$$;

CREATE FUNCTION "app"."ping"("n" integer) RETURNS integer LANGUAGE "sql" VOLATILE
RETURN n;

REVOKE EXECUTE ON FUNCTION "app"."ping"() FROM PUBLIC;

GRANT EXECUTE ON FUNCTION "app"."ping"() TO "service_role";

COMMENT ON FUNCTION "public"."ping"() IS 'public ping';
