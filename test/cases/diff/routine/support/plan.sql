SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION "public"."matches"("a" text, "b" text) RETURNS boolean LANGUAGE "sql" IMMUTABLE SUPPORT textlike_support
AS $$ SELECT a LIKE b $$;

CREATE OR REPLACE FUNCTION "public"."matches_ci"("a" text, "b" text) RETURNS boolean LANGUAGE "sql" IMMUTABLE
AS $$ SELECT a ILIKE b $$;

CREATE FUNCTION "public"."starts_with_prefix"("a" text, "b" text) RETURNS boolean LANGUAGE "sql" IMMUTABLE STRICT SUPPORT textlike_support
AS $$ SELECT a LIKE b || '%' $$;
