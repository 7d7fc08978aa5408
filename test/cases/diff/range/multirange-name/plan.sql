SET check_function_bodies = false;

DROP FUNCTION "public"."total"(public.span_multirange);

DROP TYPE "public"."span";

CREATE TYPE "public"."daterange_x" AS RANGE (SUBTYPE = date);

CREATE TYPE "public"."span" AS RANGE (SUBTYPE = integer, MULTIRANGE_TYPE_NAME = "public"."spans");

CREATE FUNCTION "public"."total"("s" public.spans) RETURNS integer LANGUAGE "sql" IMMUTABLE
AS $$ SELECT sum(upper(r) - lower(r))::int FROM unnest(s) r $$;

ALTER TABLE "public"."bookings" ADD COLUMN "nights" public.spans;

ALTER TABLE "public"."bookings" ADD COLUMN "days" public.daterange_x;
