SET check_function_bodies = false;

CREATE TYPE "public"."span" AS RANGE (SUBTYPE = integer);

CREATE FUNCTION "public"."gaps"("s" public.span_multirange) RETURNS SETOF public.span LANGUAGE "sql" IMMUTABLE
AS $$ SELECT unnest(s) $$;

CREATE FUNCTION "public"."widen"("s" public.span, "by" integer) RETURNS public.span LANGUAGE "sql" IMMUTABLE
AS $$ SELECT public.span(lower(s) - by, upper(s) + by) $$;
