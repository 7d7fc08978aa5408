CREATE UNIQUE INDEX CONCURRENTLY "orders_eu_region_id_key" ON "public"."orders_eu" USING "btree" ("region", "id");

ALTER TABLE "public"."orders_eu" ADD CONSTRAINT "orders_eu_region_id_key" UNIQUE USING INDEX "orders_eu_region_id_key";

CREATE UNIQUE INDEX CONCURRENTLY "orders_us_region_id_key" ON "public"."orders_us" USING "btree" ("region", "id");

ALTER TABLE "public"."orders_us" ADD CONSTRAINT "orders_us_region_id_key" UNIQUE USING INDEX "orders_us_region_id_key";

ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_region_id_key" UNIQUE ("region", "id");
