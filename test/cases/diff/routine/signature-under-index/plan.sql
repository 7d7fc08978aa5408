SET check_function_bodies = false;

DROP INDEX "public"."people_email_norm";

DROP FUNCTION "public"."norm"(text);

CREATE FUNCTION "public"."norm"("value" text) RETURNS text LANGUAGE "sql" IMMUTABLE
AS $$SELECT lower(trim(value))$$;

-- hazard LONG_LOCK: building people_email_norm blocks writes to public.people until it finishes
CREATE UNIQUE INDEX "people_email_norm" ON "public"."people" USING "btree" (public.norm(email));
