CREATE DOMAIN "public"."percent" AS numeric;

ALTER DOMAIN "public"."percent" ADD CONSTRAINT "percent_range" CHECK (VALUE >= 0::numeric AND VALUE <= 100::numeric) NOT VALID;

ALTER DOMAIN "public"."quantity" ADD CONSTRAINT "quantity_bounded" CHECK (VALUE < 1000) NOT VALID;

ALTER DOMAIN "public"."sku" DROP CONSTRAINT "sku_upper";

-- hazard MAY_FAIL: a value in a column of domain public.sku that breaks sku_short makes it fail
ALTER DOMAIN "public"."sku" VALIDATE CONSTRAINT "sku_short";

ALTER DOMAIN "public"."sku" ADD CONSTRAINT "sku_upper" CHECK (VALUE = upper(VALUE)) NOT VALID;

ALTER TABLE "public"."line_items" ADD COLUMN "discount" public.percent;
