-- hazard DELETES_DATA: drops column public.people.nickname and its values
ALTER TABLE "public"."people" DROP COLUMN "nickname";

ALTER TABLE "public"."people" ADD COLUMN "active" boolean DEFAULT true NOT NULL;

ALTER TABLE "public"."people" ADD COLUMN "joined_at" timestamp with time zone DEFAULT now() NOT NULL;

ALTER TABLE "public"."people" ADD COLUMN "email" text;

ALTER TABLE "public"."people" ALTER COLUMN "name" DROP NOT NULL;

ALTER TABLE "public"."people" ALTER COLUMN "age" SET DEFAULT 0;

-- hazard LONG_LOCK: scans public.people to check age for NULLs under an exclusive lock; fails if any
ALTER TABLE "public"."people" ALTER COLUMN "age" SET NOT NULL;

ALTER TABLE "public"."people" ADD CONSTRAINT "people_age_check" CHECK (age >= 0);

ALTER TABLE "public"."people" ADD CONSTRAINT "people_email_key" UNIQUE ("email");
