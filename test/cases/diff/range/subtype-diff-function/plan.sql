SET check_function_bodies = false;

CREATE FUNCTION "public"."time_subtype_diff"("x" time without time zone, "y" time without time zone) RETURNS double precision LANGUAGE "sql" IMMUTABLE STRICT
AS $$ SELECT EXTRACT(EPOCH FROM (x - y)) $$;

CREATE TYPE "public"."timerange" AS RANGE (SUBTYPE = time without time zone, SUBTYPE_DIFF = "public"."time_subtype_diff");

ALTER TABLE "public"."shifts" ADD COLUMN "hours" public.timerange;
