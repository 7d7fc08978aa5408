SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION "public"."label"("v" text) RETURNS text LANGUAGE "sql" STABLE
AS $$SELECT 'TEXT ' || v$$;

COMMENT ON FUNCTION "public"."label"(text) IS 'text one, changed';
