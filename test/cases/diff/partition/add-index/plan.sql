-- hazard LONG_LOCK: building orders_id_region_idx blocks writes to public.orders until it finishes
CREATE UNIQUE INDEX "orders_id_region_idx" ON "public"."orders" USING "btree" (id, region);

-- hazard LONG_LOCK: building orders_total_idx blocks writes to public.orders until it finishes
CREATE INDEX "orders_total_idx" ON "public"."orders" USING "btree" (total);
