-- hazard MAY_FAIL: routines reading public.address.region fail once it is gone
ALTER TYPE "public"."address" DROP ATTRIBUTE "region";

ALTER TYPE "public"."address" ADD ATTRIBUTE "country" text;

ALTER TYPE "public"."address" ADD ATTRIBUTE "Line 2" text COLLATE "C";

COMMENT ON TYPE "public"."address" IS 'A postal address';
