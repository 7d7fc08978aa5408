-- hazard LONG_LOCK: building orders_total_idx blocks writes to public.orders until it finishes
CREATE INDEX "orders_total_idx" ON "public"."orders" USING "btree" (total);

-- hazard LONG_LOCK: building orders_us_total_desc blocks writes to public.orders_us until it finishes
CREATE INDEX "orders_us_total_desc" ON "public"."orders_us" USING "btree" (total DESC);
