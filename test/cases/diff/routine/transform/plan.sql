SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION "public"."doubled"("x" integer) RETURNS integer LANGUAGE "plpgsql" TRANSFORM FOR TYPE integer IMMUTABLE
AS $$ BEGIN RETURN x * 2; END $$;

CREATE OR REPLACE PROCEDURE "public"."note"("x" integer) LANGUAGE "plpgsql" TRANSFORM FOR TYPE integer
AS $$ BEGIN RAISE NOTICE '%', x; END $$;
