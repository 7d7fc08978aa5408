-- hazard MAY_FAIL: fails if rows of public.items break items_qty_positive
ALTER TABLE "public"."items" VALIDATE CONSTRAINT "items_qty_positive";
