SET check_function_bodies = false;

DROP VIEW "public"."totals";

DROP AGGREGATE "public"."total"(integer);

DROP FUNCTION "public"."add_points"(integer, integer);

CREATE FUNCTION "public"."add_points"("sum" integer, "points" integer) RETURNS integer LANGUAGE "sql" IMMUTABLE
AS $$SELECT sum + points$$;

CREATE OR REPLACE AGGREGATE "public"."product"(numeric) (SFUNC = numeric_mul, STYPE = numeric, COMBINEFUNC = numeric_mul, INITCOND = '1', PARALLEL = SAFE);

CREATE AGGREGATE "public"."total"(integer) (SFUNC = public.add_points, STYPE = integer, INITCOND = '0');

CREATE VIEW "public"."totals" AS
SELECT player,
    public.total(points) AS total,
    public.product(points::numeric) AS product
   FROM public.scores
  GROUP BY player;

-- hazard BREAKS_ACCESS: revokes EXECUTE on aggregate public.product from PUBLIC, a role the API uses: requests relying on it start failing
REVOKE EXECUTE ON FUNCTION "public"."product"(numeric) FROM PUBLIC;

COMMENT ON AGGREGATE "public"."total"(integer) IS 'Points summed, 0 for none';
