ALTER TABLE "public"."items" DROP CONSTRAINT "items_qty_check";

ALTER TABLE "public"."items" ADD CONSTRAINT "items_qty_check" CHECK (qty > 0) NO INHERIT NOT VALID;

ALTER TABLE "public"."items" VALIDATE CONSTRAINT "items_qty_check";

ALTER TABLE "public"."items" ADD CONSTRAINT "items_qty_max" CHECK (qty < 1000) NO INHERIT NOT VALID;

ALTER TABLE "public"."items" VALIDATE CONSTRAINT "items_qty_max";
