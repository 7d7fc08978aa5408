SET check_function_bodies = false;

DROP FUNCTION "public"."derived"(integer);

DROP FUNCTION "public"."base"(integer);

CREATE FUNCTION "public"."base"("x" integer) RETURNS bigint LANGUAGE "sql" IMMUTABLE
AS $$SELECT x * 2$$;

CREATE FUNCTION "public"."derived"("x" integer) RETURNS bigint LANGUAGE "sql" IMMUTABLE
RETURN (public.base(x) + 1);
