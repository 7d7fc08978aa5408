CREATE INDEX "orders_total_idx" ON ONLY "public"."orders" USING "btree" (total);

CREATE INDEX CONCURRENTLY "orders_eu_total_idx" ON "public"."orders_eu" USING "btree" (total);

ALTER INDEX "public"."orders_total_idx" ATTACH PARTITION "public"."orders_eu_total_idx";

CREATE INDEX CONCURRENTLY "orders_us_total_idx" ON "public"."orders_us" USING "btree" (total);

ALTER INDEX "public"."orders_total_idx" ATTACH PARTITION "public"."orders_us_total_idx";

CREATE INDEX CONCURRENTLY "orders_us_total_desc" ON "public"."orders_us" USING "btree" (total DESC);
