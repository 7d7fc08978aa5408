ALTER DOMAIN "public"."quantity" SET DEFAULT 1;

ALTER DOMAIN "public"."quantity" DROP CONSTRAINT "quantity_non_negative";

-- hazard MAY_FAIL: a NULL in a column of domain public.quantity makes SET NOT NULL fail
ALTER DOMAIN "public"."quantity" SET NOT NULL;

-- hazard MAY_FAIL: a value in a column of domain public.quantity that breaks quantity_below_limit makes it fail
ALTER DOMAIN "public"."quantity" ADD CONSTRAINT "quantity_below_limit" CHECK (VALUE < 100000);

COMMENT ON DOMAIN "public"."quantity" IS 'Units on hand';
