SET check_function_bodies = false;

DROP INDEX CONCURRENTLY "public"."people_full_name_idx";

CREATE FUNCTION "public"."full_name"("first" text, "last" text, "separator" text) RETURNS text LANGUAGE "sql" IMMUTABLE
RETURN ((first || separator) || last);

ALTER TABLE "public"."people" DROP COLUMN "full_name";

-- hazard REWRITES_TABLE: re-adds public.people.full_name to change its generated expression: computes it for every row of public.people under an exclusive lock
ALTER TABLE "public"."people" ADD COLUMN "full_name" text GENERATED ALWAYS AS (public.full_name(first, last, ' '::text)) STORED;

ALTER TABLE "public"."prices" ALTER COLUMN "amount_cents" DROP EXPRESSION;

DROP FUNCTION "public"."full_name"(text, text);

DROP FUNCTION "public"."cents"(numeric);

CREATE INDEX CONCURRENTLY "people_full_name_idx" ON "public"."people" USING "btree" (full_name);
