ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_region_id_key" UNIQUE ("region", "id");
