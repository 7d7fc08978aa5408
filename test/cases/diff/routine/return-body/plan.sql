SET check_function_bodies = false;

CREATE FUNCTION "public"."add"("a" integer, "b" integer) RETURNS integer LANGUAGE "sql" IMMUTABLE
RETURN (a + b);

CREATE FUNCTION "public"."with_tax"("p" integer) RETURNS numeric LANGUAGE "sql" STABLE PARALLEL SAFE
RETURN (((p)::numeric * 1.2))::numeric(10,2);

COMMENT ON FUNCTION "public"."add"(integer, integer) IS 'adds';
