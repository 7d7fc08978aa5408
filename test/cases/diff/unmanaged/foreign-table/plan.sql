-- hazard LONG_LOCK: building orders_total blocks writes to public.orders until it finishes
CREATE INDEX "orders_total" ON "public"."orders" USING "btree" (total);
