ALTER TABLE "public"."t" ADD CONSTRAINT "a_pgform_not_null" CHECK ("a" IS NOT NULL) NOT VALID;

-- hazard MAY_FAIL: fails if public.t.a holds NULLs
ALTER TABLE "public"."t" VALIDATE CONSTRAINT "a_pgform_not_null";

ALTER TABLE "public"."t" ALTER COLUMN "a" SET NOT NULL;

ALTER TABLE "public"."t" DROP CONSTRAINT "a_pgform_not_null";

ALTER TABLE "public"."t" ALTER COLUMN "b" DROP NOT NULL;
