ALTER TABLE "public"."t" DROP CONSTRAINT "qty_positive";

ALTER TABLE "public"."t" ADD CONSTRAINT "qty_positive" CHECK (qty >= 0);
