SET check_function_bodies = false;

DROP FUNCTION "public"."origin"();

-- hazard DELETES_DATA: drops composite type public.point3
DROP TYPE "public"."point3";

CREATE FUNCTION "public"."other"() RETURNS integer LANGUAGE "sql" IMMUTABLE
AS $$ SELECT 1 $$;
