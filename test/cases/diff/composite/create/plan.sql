CREATE TYPE "public"."status" AS ENUM ('active', 'closed');

CREATE TYPE "public"."address" AS ("street" text, "zip" character varying(10), "city" text COLLATE "C", "state" public.status);

ALTER TABLE "public"."customers" ADD COLUMN "home" public.address;

ALTER TABLE "public"."customers" ADD COLUMN "past" public.address[];

COMMENT ON TYPE "public"."address" IS 'A postal address';
