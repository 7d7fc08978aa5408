SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION "public"."matches"("pattern" text) RETURNS TABLE(word text) LANGUAGE "sql" VOLATILE COST 3 ROWS 2
AS $$ SELECT unnest(ARRAY['a', 'b']) $$;

CREATE OR REPLACE FUNCTION "public"."score"("n" integer) RETURNS integer LANGUAGE "plpgsql" IMMUTABLE COST 5000
AS $$ BEGIN RETURN n * 2; END $$;
