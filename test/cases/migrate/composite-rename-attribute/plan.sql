ALTER TYPE "public"."address" RENAME ATTRIBUTE "postcode" TO "zip";

COMMENT ON COLUMN "public"."address"."zip" IS 'Postal code';
