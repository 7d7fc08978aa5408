CREATE INDEX CONCURRENTLY "orders_total" ON "public"."orders" USING "btree" (total);
