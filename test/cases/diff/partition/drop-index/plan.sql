DROP INDEX "public"."orders_total_idx";
