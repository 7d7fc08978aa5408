CREATE TYPE "public"."money_amount" AS ("amount" numeric(12,2), "currency" character(3));

COMMENT ON TYPE "public"."address" IS 'A postal address';

COMMENT ON COLUMN "public"."address"."street" IS NULL;

COMMENT ON COLUMN "public"."address"."zip" IS 'Postal code';

COMMENT ON COLUMN "public"."address"."city" IS 'City or town';

COMMENT ON COLUMN "public"."money_amount"."currency" IS 'ISO 4217 code';
