ALTER TABLE "public"."orders" DROP COLUMN "gross";

-- hazard REWRITES_TABLE: re-adds public.orders.gross to change its generated expression: computes it for every row of public.orders under an exclusive lock
ALTER TABLE "public"."orders" ADD COLUMN "gross" numeric GENERATED ALWAYS AS ((net * 1.2)) STORED;

CREATE STATISTICS "public"."orders_gross_region" (dependencies) ON gross, region FROM "public"."orders";
