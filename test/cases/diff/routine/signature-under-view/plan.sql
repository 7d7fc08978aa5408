SET check_function_bodies = false;

DROP VIEW "public"."scored";

DROP FUNCTION "public"."bonus"(integer);

CREATE FUNCTION "public"."bonus"("points" integer) RETURNS integer LANGUAGE "sql" IMMUTABLE
AS $$SELECT points + 2$$;

CREATE VIEW "public"."scored" AS
SELECT id,
    public.bonus(points) AS total
   FROM public.scores;

COMMENT ON VIEW "public"."scored" IS 'with bonus';
