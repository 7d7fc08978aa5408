ALTER TABLE "public"."t" DROP CONSTRAINT "qty_positive";

ALTER TABLE "public"."t" ADD CONSTRAINT "qty_positive" CHECK (qty >= 0) NOT VALID;

ALTER TABLE "public"."t" VALIDATE CONSTRAINT "qty_positive";
