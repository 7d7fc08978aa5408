CREATE UNIQUE INDEX "orders_id_region_idx" ON ONLY "public"."orders" USING "btree" (id, region);

CREATE UNIQUE INDEX CONCURRENTLY "orders_eu_id_region_idx" ON "public"."orders_eu" USING "btree" (id, region);

ALTER INDEX "public"."orders_id_region_idx" ATTACH PARTITION "public"."orders_eu_id_region_idx";

CREATE UNIQUE INDEX CONCURRENTLY "orders_us_id_region_idx" ON "public"."orders_us" USING "btree" (id, region);

ALTER INDEX "public"."orders_id_region_idx" ATTACH PARTITION "public"."orders_us_id_region_idx";

CREATE INDEX "orders_total_idx" ON ONLY "public"."orders" USING "btree" (total);

CREATE INDEX CONCURRENTLY "orders_eu_total_idx" ON "public"."orders_eu" USING "btree" (total);

ALTER INDEX "public"."orders_total_idx" ATTACH PARTITION "public"."orders_eu_total_idx";

CREATE INDEX CONCURRENTLY "orders_us_total_idx" ON "public"."orders_us" USING "btree" (total);

ALTER INDEX "public"."orders_total_idx" ATTACH PARTITION "public"."orders_us_total_idx";
