SET check_function_bodies = false;

DROP FUNCTION "public"."add"(integer, integer);

CREATE FUNCTION "public"."add"("a" bigint, "b" bigint) RETURNS bigint LANGUAGE "sql" IMMUTABLE
AS $$SELECT a + b$$;
