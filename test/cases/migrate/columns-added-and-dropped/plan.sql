-- hazard DELETES_DATA: drops column public.people.nickname and its values
ALTER TABLE "public"."people" DROP COLUMN "nickname";

ALTER TABLE "public"."people" ADD COLUMN "active" boolean DEFAULT true NOT NULL;

ALTER TABLE "public"."people" ADD COLUMN "joined_at" timestamp with time zone DEFAULT now() NOT NULL;

ALTER TABLE "public"."people" ADD COLUMN "email" text;

ALTER TABLE "public"."people" ALTER COLUMN "name" DROP NOT NULL;

ALTER TABLE "public"."people" ALTER COLUMN "age" SET DEFAULT 0;

ALTER TABLE "public"."people" ADD CONSTRAINT "age_pgform_not_null" CHECK ("age" IS NOT NULL) NOT VALID;

-- hazard MAY_FAIL: fails if public.people.age holds NULLs
ALTER TABLE "public"."people" VALIDATE CONSTRAINT "age_pgform_not_null";

ALTER TABLE "public"."people" ALTER COLUMN "age" SET NOT NULL;

ALTER TABLE "public"."people" DROP CONSTRAINT "age_pgform_not_null";

ALTER TABLE "public"."people" ADD CONSTRAINT "people_age_check" CHECK (age >= 0) NOT VALID;

ALTER TABLE "public"."people" VALIDATE CONSTRAINT "people_age_check";

CREATE UNIQUE INDEX CONCURRENTLY "people_email_key" ON "public"."people" USING "btree" ("email");

ALTER TABLE "public"."people" ADD CONSTRAINT "people_email_key" UNIQUE USING INDEX "people_email_key";
