SET check_function_bodies = false;

DROP FUNCTION "public"."width"(public.span);

DROP TYPE "public"."span";

CREATE TYPE "public"."span" AS RANGE (SUBTYPE = numeric);

CREATE FUNCTION "public"."width"("s" public.span) RETURNS integer LANGUAGE "sql" IMMUTABLE
AS $$ SELECT upper(s) - lower(s) $$;
