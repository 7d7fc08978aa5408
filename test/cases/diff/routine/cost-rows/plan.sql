SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION "public"."slow_hash"("value" text) RETURNS text LANGUAGE "sql" IMMUTABLE COST 1000
AS $$ SELECT md5(value) $$;

CREATE OR REPLACE FUNCTION "public"."items_tagged"("wanted" text) RETURNS SETOF public.items LANGUAGE "sql" STABLE ROWS 5
AS $$ SELECT * FROM public.items WHERE tag = wanted $$;
