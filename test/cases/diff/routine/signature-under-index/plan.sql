SET check_function_bodies = false;

DROP INDEX CONCURRENTLY "public"."people_email_norm";

DROP FUNCTION "public"."norm"(text);

CREATE FUNCTION "public"."norm"("value" text) RETURNS text LANGUAGE "sql" IMMUTABLE
AS $$SELECT lower(trim(value))$$;

CREATE UNIQUE INDEX CONCURRENTLY "people_email_norm" ON "public"."people" USING "btree" (public.norm(email));
