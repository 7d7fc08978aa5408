SET check_function_bodies = false;

CREATE TABLE "public"."scores" (
  "id" integer NOT NULL,
  "player" text NOT NULL,
  "points" integer NOT NULL,
  CONSTRAINT "scores_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "public"."add_row"(integer, public.scores) RETURNS integer LANGUAGE "sql" IMMUTABLE
AS $$SELECT $1 + $2.points$$;

CREATE AGGREGATE "public"."total_points"(public.scores) (SFUNC = public.add_row, STYPE = integer, INITCOND = '0');

CREATE VIEW "public"."board" AS
SELECT public.total_points(s.*) AS total
   FROM public.scores s;
