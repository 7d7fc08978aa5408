SET check_function_bodies = false;

DROP VIEW "public"."totals";

DROP AGGREGATE "public"."total"(integer);

DROP FUNCTION "public"."add_points"(integer, integer);

CREATE FUNCTION "public"."add_points"("a" integer, "b" integer) RETURNS integer LANGUAGE "sql" IMMUTABLE
AS $$SELECT a + b$$;

CREATE AGGREGATE "public"."total"(integer) (SFUNC = public.add_points, STYPE = integer);

CREATE VIEW "public"."totals" AS
SELECT scores.player,
    public.total(scores.points) AS total
   FROM public.scores
  GROUP BY scores.player;
