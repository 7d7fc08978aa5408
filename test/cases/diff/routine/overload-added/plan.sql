SET check_function_bodies = false;

CREATE FUNCTION "public"."label"("v" integer, "w" integer) RETURNS text LANGUAGE "sql" IMMUTABLE
RETURN (('pair '::text || v) || w);

CREATE FUNCTION "public"."label"("v" text) RETURNS text LANGUAGE "sql" IMMUTABLE
AS $$SELECT 'text ' || v$$;

REVOKE EXECUTE ON FUNCTION "public"."label"(text) FROM PUBLIC;

COMMENT ON FUNCTION "public"."label"(integer, integer) IS 'the pair one';
