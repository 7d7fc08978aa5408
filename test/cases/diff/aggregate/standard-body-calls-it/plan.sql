SET check_function_bodies = false;

CREATE AGGREGATE "public"."total"(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');

CREATE FUNCTION "public"."sample_total"() RETURNS integer LANGUAGE "sql" IMMUTABLE
RETURN (SELECT public.total(v.x) AS total FROM (VALUES (1), (2)) v(x));
