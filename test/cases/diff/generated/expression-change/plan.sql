DROP VIEW "public"."directory";

ALTER TABLE "public"."badges" DROP CONSTRAINT "badges_holder_fkey";

ALTER TABLE "public"."people" DROP CONSTRAINT "people_full_name_key";

DROP INDEX CONCURRENTLY "public"."people_full_name_lower_idx";

ALTER TABLE "public"."people" DROP COLUMN "full_name";

-- hazard REWRITES_TABLE: re-adds public.people.full_name to change its generated expression: computes it for every row of public.people under an exclusive lock
ALTER TABLE "public"."people" ADD COLUMN "full_name" text GENERATED ALWAYS AS (((last_name || ', '::text) || first_name)) STORED;

CREATE UNIQUE INDEX CONCURRENTLY "people_full_name_key" ON "public"."people" USING "btree" ("full_name");

ALTER TABLE "public"."people" ADD CONSTRAINT "people_full_name_key" UNIQUE USING INDEX "people_full_name_key";

ALTER TABLE "public"."badges" ADD CONSTRAINT "badges_holder_fkey" FOREIGN KEY ("holder") REFERENCES "public"."people" ("full_name") NOT VALID;

ALTER TABLE "public"."badges" VALIDATE CONSTRAINT "badges_holder_fkey";

CREATE INDEX CONCURRENTLY "people_full_name_lower_idx" ON "public"."people" USING "btree" (lower(full_name));

CREATE VIEW "public"."directory" AS
SELECT id,
    full_name
   FROM public.people;

COMMENT ON COLUMN "public"."people"."full_name" IS 'as printed on badges';
