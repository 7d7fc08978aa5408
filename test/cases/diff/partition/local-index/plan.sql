-- hazard LONG_LOCK: building orders_total_idx blocks writes to public.orders until it finishes
CREATE INDEX "orders_total_idx" ON "public"."orders" USING "btree" (total);

CREATE INDEX CONCURRENTLY "orders_us_total_desc" ON "public"."orders_us" USING "btree" (total DESC);
